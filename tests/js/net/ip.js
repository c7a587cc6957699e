'use strict';
// net's address checks and its Happy Eyeballs defaults.
const net = require('net');
for (const s of ["1.2.3.4","01.2.3.4","256.1.1.1","::1","fe80::1%eth0","::ffff:1.2.3.4","1:2:3:4:5:6:7:8","1::2::3","", "1.2.3", "::", "1:2:3:4:5:6:7::", "abc", "1:2:3:4:5:6:7:8:9", "::1.2.3.4", "1.2.3.4::", "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:7:1.2.3.4", "fe80::%", 5, null]) console.log(JSON.stringify(s), net.isIP(s), net.isIPv4(s), net.isIPv6(s));
console.log(net.getDefaultAutoSelectFamily(), net.getDefaultAutoSelectFamilyAttemptTimeout());
try { net.setDefaultAutoSelectFamilyAttemptTimeout(0) } catch (e) { console.log(e.code, e.message) }
net.setDefaultAutoSelectFamilyAttemptTimeout(5); console.log(net.getDefaultAutoSelectFamilyAttemptTimeout());
try { net.setDefaultAutoSelectFamily(1) } catch (e) { console.log(e.code, e.message) }
