// Buffer fill with a number stores ToUint8 of it, like Uint8Array#fill, for any size of buffer.
for (const v of [7, -1, 256.7, NaN, 1e20, -1e20, Infinity, 2 ** 32 + 5, -0.5, 255.9]) {
  console.log(v, Buffer.alloc(4, v).join(','), Buffer.alloc(6).fill(v, 1, 4).join(','));
}
const big = Buffer.alloc(8 << 20, 0x5a);
console.log(big.length, big[0], big[big.length - 1], big.indexOf(0));
