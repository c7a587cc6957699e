'use strict';
// realpath of /dev/stdin when stdin is a pipe (a socketpair, as libuv makes it): the walk stops
// at the link that leads to it (/proc/<pid>/fd/socket:[<inode>]), in both forms, as node's does.
const { spawnSync } = require('child_process');

const code = `
const fs = require('fs');
const shape = (p) => p.replace(/\\d+/g, "N");
console.log('sync', shape(fs.realpathSync('/dev/stdin')));
fs.realpath('/dev/stdin', (err, p) => console.log('callback', err, shape(p)));
`;
const child = spawnSync(process.execPath, ['-e', code], { stdio: 'pipe' });
console.log(child.status, child.stdout.toString().trim().split('\n'), child.stderr.toString());
