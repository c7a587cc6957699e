'use strict';
// `url`: https://nodejs.org/docs/latest-v20.x/api/url.html
// The WHATWG API, plus the legacy url.parse/format/resolve API.

const {
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  fileURLToPath,
  pathToFileURL,
  urlToHttpOptions,
} = require('internal/url');

function legacy() {
  return require('internal/url_legacy');
}

module.exports = {
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  fileURLToPath,
  pathToFileURL,
  urlToHttpOptions,
  get Url() {
    return legacy().Url;
  },
  parse(...args) {
    return legacy().parse(...args);
  },
  format(...args) {
    return legacy().format(...args);
  },
  resolve(...args) {
    return legacy().resolve(...args);
  },
  resolveObject(...args) {
    return legacy().resolveObject(...args);
  },
};
