// util.parseEnv and process.loadEnvFile: node 20's .env parser, its odd corners included, and
// the errors for bad arguments and missing files.
const util = require('util');
const fs = require('fs');
const os = require('os');
const path = require('path');

const cases = [
  '',
  'A=1',
  'A=1\nA=2\n',
  'export A=exported\nexport  B=two spaces',
  '  A  =  spaced out  \n',
  'A="double\\nquoted"\nB=\'single\\nquoted\'\nC=`back\\nticks`',
  'A="multi\nline"\nB=after',
  'A="unclosed\nB=2',
  'A="unclosed at the end',
  'A=x # comment\nB="y # kept"\n# whole line\nC=#empty',
  'A=1\r\nB=2\r\n\r\nC=3',
  'no equals here\nA=1',
  '=value\nA=never reached',
  'A=1\n =k',
  'A=\nB=',
  'A=a=b=c',
  'Z=last\nA=first\nm=lower\n10=ten\n2=two',
  '__proto__=x\nA=1',
  'A=é😀\n😀=smile',
  'A = "  inner spaces  "  \nB=\t tab \t',
];
for (const c of cases) {
  const parsed = util.parseEnv(c);
  console.log(JSON.stringify(c), '->', JSON.stringify(parsed), Object.getPrototypeOf(parsed) === Object.prototype);
}

for (const bad of [undefined, null, 5, {}, Buffer.from('A=1')]) {
  try {
    util.parseEnv(bad);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parse-env-'));
const file = path.join(dir, 'test.env');
fs.writeFileSync(file, 'PARSE_ENV_NEW=fresh\nPARSE_ENV_KEPT=from file\nexport PARSE_ENV_EXPORTED="x\\ny"\n');
process.env.PARSE_ENV_KEPT = 'already set';
process.loadEnvFile(file);
console.log(process.env.PARSE_ENV_NEW, '|', process.env.PARSE_ENV_KEPT, '|', JSON.stringify(process.env.PARSE_ENV_EXPORTED));

// The default is ./.env.
const cwd = process.cwd();
fs.writeFileSync(path.join(dir, '.env'), 'PARSE_ENV_DEFAULT=from dot env');
process.chdir(dir);
process.loadEnvFile();
process.chdir(cwd);
console.log(process.env.PARSE_ENV_DEFAULT);

process.loadEnvFile(new URL(`file://${file}`));
process.loadEnvFile(Buffer.from(file));

for (const bad of [path.join(dir, 'missing.env'), 5, {}]) {
  try {
    process.loadEnvFile(bad);
  } catch (e) {
    console.log(e.name, e.code, e.message.replace(dir, '<dir>'), e.syscall, e.errno);
  }
}
fs.rmSync(dir, { recursive: true });
console.log(util.parseEnv.length, process.loadEnvFile.length, process.loadEnvFile.name);
