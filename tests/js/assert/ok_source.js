try { require('assert')(0 > 1); } catch (e) { console.log(JSON.stringify(e.message)); }
'use strict';
// assert.ok(value) without a message quotes the failing call from the source file, as node reads
// it: the call expression around the call site, continuation lines re-indented. (The call on the
// first line checks columns there, where the module wrapper shifts them.)
const assert = require('assert');
const { ok, strict } = assert;

function show(label, fn) {
  try {
    fn();
    console.log(`== ${label}: ok`);
  } catch (err) {
    console.log(`== ${label}: generated=${err.generatedMessage} actual=${String(err.actual)} operator=${err.operator}`);
    console.log(err.message);
  }
}

const value = 0;
show('ok', () => assert.ok(false));
show('assert()', () => assert(value));
show('destructured', () => ok(null));
show('strict', () => strict(''));
show('strict.ok', () => assert.strict.ok(undefined));
show('strict.strict', () => assert.strict.strict(NaN));
show('nested calls', () => assert.ok(Math.max(0, Number('0')) === [1].indexOf(1) + 1 && false));
show('string with parens', () => assert.ok(')(' === '(', 'x'.length > 1 ? undefined : undefined));
show('template literal', () => assert(`${value})` === 'x'));
show('regexp literal', () => assert.ok(/\)\(/.test('no')));
show('comment inside', () => assert.ok(/* ) */ false));
show('two statements', () => { const a = 1; assert.ok(a === 2); });
show('multiline', () => {
  assert.ok(
    typeof value === 'string' &&
      value.length > 0,
  );
});
show('multiline deep', () => {
  if (value === 0) {
    assert(value
           === 1 ||
           value === 2);
  }
});
show('member chain', () => {
  const o = { check: { it: assert } };
  o.check.it(false);
});
show('computed member', () => {
  const list = [assert.ok];
  list[0](0);
});
show('call result', () => {
  const get = () => assert;
  get()(false);
});
show('arguments with calls', () => assert.ok(String(value).length === 2, undefined));
show('await-free async', () => {
  const f = () => assert.ok([].length);
  f();
});
show('unicode', () => assert.ok('héllo wörld' === 'hello world'));
show('repeated call site', () => {
  for (let i = 0; i < 2; i++) {
    try {
      assert.ok(i < 0);
    } catch (e) {
      console.log(e.message);
    }
  }
});
show('after closing brackets', () => {
  [1].forEach((x) => {
    return x;
  }); assert.ok(value);
});
show('call inside a call', () => {
  [0].forEach((x) => assert(x));
});
show('eval', () => eval('assert.ok(false)'));
show('new Function', () => new Function('assert', 'assert.ok(false)')(assert));
show('no args', () => assert.ok());
show('explicit message', () => assert.ok(false, 'mine'));
show('message null', () => assert.ok(false, null));
