//! HTTP/1.x message framing, as llhttp (node's parser) frames messages: the head is parsed with
//! `httparse`; what follows it (a fixed length, chunks with trailers, the rest of the connection,
//! or nothing) is decided here with llhttp's rules, and so are keep-alive and upgrades.
//!
//! The machine never calls out. [`Machine::step`] consumes a prefix of its input and says what
//! it found; the caller reports a head's verdict back with [`Machine::decide`] before stepping on,
//! as llhttp's `on_headers_complete` return value does (1: no body, 2: upgrade).

use std::time::Instant;

/// Every method the parser knows, in llhttp's numbering (the index a request head reports).
pub const ALL_METHODS: &[&str] = &[
    "DELETE",
    "GET",
    "HEAD",
    "POST",
    "PUT",
    "CONNECT",
    "OPTIONS",
    "TRACE",
    "COPY",
    "LOCK",
    "MKCOL",
    "MOVE",
    "PROPFIND",
    "PROPPATCH",
    "SEARCH",
    "UNLOCK",
    "BIND",
    "REBIND",
    "UNBIND",
    "ACL",
    "REPORT",
    "MKACTIVITY",
    "CHECKOUT",
    "MERGE",
    "M-SEARCH",
    "NOTIFY",
    "SUBSCRIBE",
    "UNSUBSCRIBE",
    "PATCH",
    "PURGE",
    "MKCALENDAR",
    "LINK",
    "UNLINK",
    "SOURCE",
    "PRI",
    "DESCRIBE",
    "ANNOUNCE",
    "SETUP",
    "PLAY",
    "PAUSE",
    "TEARDOWN",
    "GET_PARAMETER",
    "SET_PARAMETER",
    "REDIRECT",
    "RECORD",
    "FLUSH",
    "QUERY",
];

/// Where [`ALL_METHODS`] has the methods that are not HTTP's (`PRI`, HTTP/2's preface, to
/// `FLUSH`, RTSP's): `http.METHODS` leaves them out.
const NOT_HTTP: std::ops::Range<usize> = 34..46;

/// The methods node lists as `http.METHODS`, in llhttp's order.
pub fn http_methods() -> impl Iterator<Item = &'static str> {
    ALL_METHODS[..NOT_HTTP.start]
        .iter()
        .chain(&ALL_METHODS[NOT_HTTP.end..])
        .copied()
}

const CONNECT: usize = 5;

/// The most bytes a chunk-size line may take with its extensions (node's
/// `kMaxChunkExtensionsSize`).
const MAX_CHUNK_EXTENSIONS: usize = 16 * 1024;

/// node's `HTTPParser.kLenient*` flags that this parser honours.
pub mod lenient {
    /// A request may carry both `Content-Length` and `Transfer-Encoding`.
    pub const CHUNKED_LENGTH: u32 = 2;
    /// `Connection: close` does not end parsing.
    pub const KEEP_ALIVE: u32 = 4;
    /// A request's `Transfer-Encoding` need not end in `chunked`.
    pub const TRANSFER_ENCODING: u32 = 8;
    /// Data after a closing message is parsed as another message.
    pub const DATA_AFTER_CLOSE: u32 = 32;
}

/// Which side's messages are parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Requests (a server).
    Request,
    /// Responses (a client).
    Response,
}

/// A header name and value, as bytes (node reads them as latin1).
pub type Header = (Vec<u8>, Vec<u8>);

/// A message's head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    /// The minor version (the major one is 1).
    pub minor: u8,
    /// A request's method, an index into [`ALL_METHODS`].
    pub method: Option<usize>,
    /// A request's target.
    pub url: Vec<u8>,
    /// A response's status code.
    pub status: u16,
    /// A response's reason phrase.
    pub reason: Vec<u8>,
    /// The headers in order.
    pub headers: Vec<Header>,
    /// Whether the message asks to switch protocols (or is a CONNECT, or a 101).
    pub upgrade: bool,
    /// Whether the connection stays open after this message.
    pub keep_alive: bool,
}

/// What a step found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// All input was used; more is needed.
    NeedMore,
    /// Bytes were used with nothing to report: step again.
    Continue,
    /// A message starts.
    MessageBegin,
    /// A head; answer with [`Machine::decide`].
    Headers(Head),
    /// Body bytes: `len` bytes at `start` of the step's input.
    Body {
        /// Offset in the input the step was given.
        start: usize,
        /// How many bytes.
        len: usize,
    },
    /// The trailers of a chunked message.
    Trailers(Vec<Header>),
    /// The message is complete.
    MessageComplete,
    /// The connection switched protocols: what follows is not HTTP.
    Upgrade,
}

/// A parse error, named as llhttp names it (`code`) with its reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseError {
    /// `HPE_*`.
    pub code: &'static str,
    /// llhttp's description.
    pub reason: &'static str,
    /// Where in the step's input llhttp would have stopped, when the step knows better than
    /// "where the step began".
    pub at: Option<usize>,
}

const fn err(code: &'static str, reason: &'static str) -> ParseError {
    ParseError {
        code,
        reason,
        at: None,
    }
}

impl ParseError {
    fn at(mut self, at: usize) -> ParseError {
        self.at = Some(at);
        self
    }
}

/// How a message's body is framed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Framing {
    None,
    Fixed(u64),
    Chunked,
    UntilEof,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Between messages.
    Start,
    /// In a head; its bytes so far are in `buf`.
    Head,
    /// A head was reported; waiting for [`Machine::decide`].
    Deciding,
    Fixed(u64),
    ChunkSize,
    ChunkData(u64),
    /// After a chunk's data: the CRLF, `true` once the CR was seen.
    ChunkEnd(bool),
    Trailers,
    UntilEof,
    /// The body is done; the completion is reported next.
    Done,
    /// After a message that closes the connection.
    Closed,
    Upgraded,
    Failed(ParseError),
}

/// The parser of one connection's messages.
#[derive(Debug)]
pub struct Machine {
    kind: Kind,
    state: State,
    max_head: usize,
    lenient: u32,
    /// The partial head, chunk-size line or trailers carried between inputs.
    buf: Vec<u8>,
    framing: Framing,
    upgrade: bool,
    keep_alive: bool,
    method: Option<usize>,
    headers_done: bool,
    started: Option<Instant>,
    messages: u64,
}

/// The most headers a head may have: node's `maxHeaderSize` allows no more than one per 4 bytes.
fn header_slots(max_head: usize) -> usize {
    max_head / 4 + 2
}

impl Machine {
    /// A parser of `kind` messages whose heads are at most `max_head` bytes.
    pub fn new(kind: Kind, max_head: usize, lenient: u32) -> Machine {
        Machine {
            kind,
            state: State::Start,
            max_head,
            lenient,
            buf: Vec::new(),
            framing: Framing::None,
            upgrade: false,
            keep_alive: true,
            method: None,
            headers_done: false,
            // As node's parser, the clock runs from initialisation: a connection that sends
            // nothing is timed out like one that stalls in its head.
            started: Some(Instant::now()),
            messages: 0,
        }
    }

    /// Whether the current message's head is complete.
    pub fn headers_completed(&self) -> bool {
        self.headers_done
    }

    /// When the message being parsed began; `None` between messages.
    pub fn started(&self) -> Option<Instant> {
        self.started
    }

    /// How many messages have begun.
    pub fn messages(&self) -> u64 {
        self.messages
    }

    /// Consumes a prefix of `input`; returns how much and what it found.
    pub fn step(&mut self, input: &[u8]) -> Result<(usize, Event), ParseError> {
        let r = self.step_inner(input);
        if let Err(e) = r {
            self.state = State::Failed(e);
        }
        r
    }

    fn step_inner(&mut self, input: &[u8]) -> Result<(usize, Event), ParseError> {
        match self.state {
            State::Failed(e) => Err(e),
            State::Upgraded => {
                // A declined upgrade: parsing resumes with the next input.
                self.upgrade = false;
                self.state = self.after_message();
                Ok((0, Event::Upgrade))
            }
            State::Deciding => Ok((0, Event::NeedMore)),
            State::Start | State::Closed => self.start(input),
            State::Head => self.head(input),
            State::Fixed(left) => Ok(self.body(input, left, State::Done, State::Fixed)),
            State::UntilEof => {
                if input.is_empty() {
                    return Ok((0, Event::NeedMore));
                }
                Ok((
                    input.len(),
                    Event::Body {
                        start: 0,
                        len: input.len(),
                    },
                ))
            }
            State::ChunkSize => self.chunk_size(input),
            State::ChunkData(left) => {
                Ok(self.body(input, left, State::ChunkEnd(false), State::ChunkData))
            }
            State::ChunkEnd(seen_cr) => self.chunk_end(input, seen_cr),
            State::Trailers => self.trailers(input),
            State::Done => Ok((0, self.complete())),
        }
    }

    fn start(&mut self, input: &[u8]) -> Result<(usize, Event), ParseError> {
        // Empty lines between messages are tolerated, as llhttp does.
        let skip = input
            .iter()
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .count();
        if skip == input.len() {
            return Ok((skip, Event::NeedMore));
        }
        if self.state == State::Closed && self.lenient & lenient::DATA_AFTER_CLOSE == 0 {
            // llhttp stops just past the first byte it refuses.
            return Err(
                err("HPE_CLOSED_CONNECTION", "Data after `Connection: close`").at(skip + 1),
            );
        }
        self.state = State::Head;
        self.buf.clear();
        self.headers_done = false;
        self.started = Some(Instant::now());
        self.messages += 1;
        Ok((skip, Event::MessageBegin))
    }

    fn head(&mut self, input: &[u8]) -> Result<(usize, Event), ParseError> {
        let carried = self.buf.len();
        if input.is_empty() {
            return Ok((0, Event::NeedMore));
        }
        let in_step = |e: ParseError| match e.at {
            Some(at) => e.at(at.saturating_sub(carried)),
            None => e,
        };
        let parsed = if carried == 0 {
            parse_head(self.kind, input, self.max_head).map_err(in_step)?
        } else {
            self.buf.extend_from_slice(input);
            let buf = std::mem::take(&mut self.buf);
            let r = parse_head(self.kind, &buf, self.max_head);
            self.buf = buf;
            r.map_err(in_step)?
        };
        let Some((len, raw)) = parsed else {
            if carried == 0 {
                self.buf.extend_from_slice(input);
            }
            // llhttp refuses an unknown method at its first byte, without waiting for the line.
            if self.kind == Kind::Request {
                let method = self.buf.split(|&b| b == b' ').next().unwrap_or_default();
                let known = known_method_prefix(method);
                if known < method.len() {
                    let e = err("HPE_INVALID_METHOD", "Invalid method encountered");
                    return Err(e.at(known.saturating_sub(carried)));
                }
            }
            if self.buf.len() > self.max_head {
                return Err(err("HPE_HEADER_OVERFLOW", "Header overflow").at(input.len()));
            }
            return Ok((input.len(), Event::NeedMore));
        };
        if len > self.max_head {
            return Err(err("HPE_HEADER_OVERFLOW", "Header overflow").at(len - carried));
        }
        self.buf.clear();
        let head = self.frame(raw).map_err(|e| e.at(len - carried))?;
        self.headers_done = true;
        self.state = State::Deciding;
        Ok((len - carried, Event::Headers(head)))
    }

    /// Decides the framing, keep-alive and upgrade of a parsed head, llhttp's way.
    fn frame(&mut self, raw: RawHead) -> Result<Head, ParseError> {
        let RawHead {
            minor,
            method,
            url,
            status,
            reason,
            headers,
        } = raw;
        let mut content_length: Option<u64> = None;
        let mut transfer_encoding = false;
        let mut chunked = false;
        let (mut close, mut keep_alive_token, mut upgrade_token) = (false, false, false);
        let mut upgrade_header = false;
        for (name, value) in &headers {
            if name.eq_ignore_ascii_case(b"content-length") {
                let n = parse_content_length(value)?;
                if content_length.is_some() {
                    return Err(err(
                        "HPE_UNEXPECTED_CONTENT_LENGTH",
                        "Duplicate Content-Length",
                    ));
                }
                content_length = Some(n);
            } else if name.eq_ignore_ascii_case(b"transfer-encoding") {
                transfer_encoding = true;
                // Only a final `chunked` frames the body as chunks.
                chunked = value
                    .rsplit(|&b| b == b',')
                    .next()
                    .is_some_and(|last| last.trim_ascii().eq_ignore_ascii_case(b"chunked"));
            } else if name.eq_ignore_ascii_case(b"connection") {
                for token in value.split(|&b| b == b',') {
                    let token = token.trim_ascii();
                    close |= token.eq_ignore_ascii_case(b"close");
                    keep_alive_token |= token.eq_ignore_ascii_case(b"keep-alive");
                    upgrade_token |= token.eq_ignore_ascii_case(b"upgrade");
                }
            } else if name.eq_ignore_ascii_case(b"upgrade") {
                upgrade_header = true;
            }
        }
        if transfer_encoding
            && content_length.is_some()
            && self.lenient & lenient::CHUNKED_LENGTH == 0
        {
            return Err(err(
                "HPE_INVALID_TRANSFER_ENCODING",
                "Transfer-Encoding can't be present with Content-Length",
            ));
        }
        let framing = match self.kind {
            Kind::Request => {
                if transfer_encoding && !chunked && self.lenient & lenient::TRANSFER_ENCODING == 0 {
                    return Err(err(
                        "HPE_INVALID_TRANSFER_ENCODING",
                        "Request has invalid `Transfer-Encoding`",
                    ));
                }
                if chunked {
                    Framing::Chunked
                } else {
                    content_length.map_or(Framing::None, Framing::Fixed)
                }
            }
            Kind::Response => {
                if status / 100 == 1 || status == 204 || status == 304 {
                    Framing::None
                } else if chunked {
                    Framing::Chunked
                } else if transfer_encoding {
                    Framing::UntilEof
                } else {
                    content_length.map_or(Framing::UntilEof, Framing::Fixed)
                }
            }
        };
        let upgrade = match self.kind {
            Kind::Request => (upgrade_header && upgrade_token) || method == Some(CONNECT),
            Kind::Response => status == 101,
        };
        // llhttp_should_keep_alive: HTTP/1.1 unless `close`; 1.0 only with `keep-alive`; and
        // never when the body runs to the end of the connection.
        let mut keep_alive = if minor >= 1 { !close } else { keep_alive_token };
        if framing == Framing::UntilEof {
            keep_alive = false;
        }
        self.framing = framing;
        self.upgrade = upgrade;
        self.keep_alive = keep_alive || self.lenient & lenient::KEEP_ALIVE != 0;
        self.method = method;
        Ok(Head {
            minor,
            method,
            url,
            status,
            reason,
            headers,
            upgrade,
            keep_alive,
        })
    }

    /// The verdict on the head just reported: 0 goes on, 1 means the message has no body (a
    /// response to HEAD), 2 that the connection switches protocols right after the head.
    /// Returns whether parsing stops here.
    pub fn decide(&mut self, verdict: i32) -> bool {
        if self.state != State::Deciding {
            return false;
        }
        if verdict == 2 {
            self.state = State::Upgraded;
            self.started = None;
            return true;
        }
        let framing = if verdict == 1 {
            Framing::None
        } else {
            self.framing
        };
        self.state = match framing {
            Framing::None | Framing::Fixed(0) => State::Done,
            Framing::Fixed(n) => State::Fixed(n),
            Framing::Chunked => State::ChunkSize,
            Framing::UntilEof => State::UntilEof,
        };
        false
    }

    /// Ends the message: the state the next one starts from.
    fn complete(&mut self) -> Event {
        self.started = None;
        // After a message that asked to upgrade, llhttp pauses even when the other side
        // declined; node then resumes it for the next input, dropping the rest of this one.
        self.state = if self.upgrade {
            State::Upgraded
        } else {
            self.after_message()
        };
        Event::MessageComplete
    }

    fn after_message(&self) -> State {
        if self.keep_alive {
            State::Start
        } else {
            State::Closed
        }
    }

    /// Up to `left` body bytes of `input` (a fixed-length body or a chunk's data); then the
    /// state is `done` if that was all, else `more` of what is left.
    fn body(
        &mut self,
        input: &[u8],
        left: u64,
        done: State,
        more: fn(u64) -> State,
    ) -> (usize, Event) {
        let n = (input.len() as u64).min(left) as usize;
        if n == 0 {
            return (0, Event::NeedMore);
        }
        self.state = if left == n as u64 {
            done
        } else {
            more(left - n as u64)
        };
        (n, Event::Body { start: 0, len: n })
    }

    fn chunk_size(&mut self, input: &[u8]) -> Result<(usize, Event), ParseError> {
        let Some(nl) = input.iter().position(|&b| b == b'\n') else {
            self.buf.extend_from_slice(input);
            if self.buf.len() > MAX_CHUNK_EXTENSIONS {
                return Err(err(
                    "HPE_CHUNK_EXTENSIONS_OVERFLOW",
                    "Chunk extensions overflow",
                ));
            }
            return Ok((input.len(), Event::NeedMore));
        };
        if self.buf.len() + nl > MAX_CHUNK_EXTENSIONS {
            return Err(err(
                "HPE_CHUNK_EXTENSIONS_OVERFLOW",
                "Chunk extensions overflow",
            ));
        }
        self.buf.extend_from_slice(&input[..nl]);
        let line = std::mem::take(&mut self.buf);
        let size = parse_chunk_size(&line)?;
        self.buf = line;
        self.buf.clear();
        self.state = if size == 0 {
            State::Trailers
        } else {
            State::ChunkData(size)
        };
        Ok((nl + 1, Event::Continue))
    }

    fn chunk_end(&mut self, input: &[u8], seen_cr: bool) -> Result<(usize, Event), ParseError> {
        let Some(&b) = input.first() else {
            return Ok((0, Event::NeedMore));
        };
        match (seen_cr, b) {
            (false, b'\r') => {
                self.state = State::ChunkEnd(true);
                Ok((1, Event::Continue))
            }
            (_, b'\n') => {
                self.state = State::ChunkSize;
                Ok((1, Event::Continue))
            }
            _ => Err(err("HPE_STRICT", "Expected LF after chunk data")),
        }
    }

    fn trailers(&mut self, input: &[u8]) -> Result<(usize, Event), ParseError> {
        if input.is_empty() {
            return Ok((0, Event::NeedMore));
        }
        let carried = self.buf.len();
        self.buf.extend_from_slice(input);
        let mut slots = vec![httparse::EMPTY_HEADER; header_slots(self.max_head)];
        match httparse::parse_headers(&self.buf, &mut slots) {
            Ok(httparse::Status::Complete((len, found))) => {
                let trailers: Vec<Header> = found
                    .iter()
                    .map(|h| (h.name.as_bytes().to_vec(), h.value.to_vec()))
                    .collect();
                self.buf.clear();
                self.state = State::Done;
                let event = if trailers.is_empty() {
                    Event::Continue
                } else {
                    Event::Trailers(trailers)
                };
                Ok((len - carried, event))
            }
            Ok(httparse::Status::Partial) => {
                if self.buf.len() > self.max_head {
                    return Err(err("HPE_HEADER_OVERFLOW", "Header overflow"));
                }
                Ok((input.len(), Event::NeedMore))
            }
            Err(httparse::Error::HeaderValue) => {
                Err(err("HPE_INVALID_HEADER_TOKEN", "Invalid header value char"))
            }
            Err(_) => Err(err("HPE_INVALID_HEADER_TOKEN", "Invalid header token")),
        }
    }

    /// The end of the connection's data. A body that runs to the end completes; a message cut
    /// short is an error, reported once (a parser that already failed has nothing more to say,
    /// as llhttp's finish answers).
    pub fn finish(&mut self) -> Result<Option<Event>, ParseError> {
        match self.state {
            State::Start | State::Closed | State::Upgraded | State::Failed(_) => Ok(None),
            State::UntilEof | State::Done => Ok(Some(self.complete())),
            _ => {
                let e = err("HPE_INVALID_EOF_STATE", "Invalid EOF state");
                self.state = State::Failed(e);
                Err(e)
            }
        }
    }
}

/// A head as httparse gave it, copied out of the input.
struct RawHead {
    minor: u8,
    method: Option<usize>,
    url: Vec<u8>,
    status: u16,
    reason: Vec<u8>,
    headers: Vec<Header>,
}

/// Parses a complete head at the start of `bytes`: its length and contents, or `None` while it
/// is incomplete.
fn parse_head(
    kind: Kind,
    bytes: &[u8],
    max_head: usize,
) -> Result<Option<(usize, RawHead)>, ParseError> {
    let mut small = [httparse::EMPTY_HEADER; 64];
    let parsed = match parse_head_with(kind, bytes, &mut small) {
        Err(HeadError::Httparse(httparse::Error::TooManyHeaders)) => {
            let mut slots = vec![httparse::EMPTY_HEADER; header_slots(max_head)];
            parse_head_with(kind, bytes, &mut slots)
        }
        r => r,
    };
    match parsed {
        Ok(Some((len, raw))) => {
            // httparse takes a bare LF for a line end; llhttp insists on CRLF.
            if let Some(lf) = bytes[..len]
                .iter()
                .enumerate()
                .position(|(i, &b)| b == b'\n' && (i == 0 || bytes[i - 1] != b'\r'))
            {
                let first_line = !bytes[..lf].contains(&b'\n');
                let e = match (first_line, kind) {
                    (true, Kind::Request) => {
                        err("HPE_INVALID_VERSION", "Expected CRLF after version")
                    }
                    (true, Kind::Response) => {
                        err("HPE_CR_EXPECTED", "Missing expected CR after response line")
                    }
                    (false, _) => err("HPE_CR_EXPECTED", "Missing expected CR after header value"),
                };
                return Err(e.at(lf + 1));
            }
            Ok(Some((len, raw)))
        }
        Ok(None) => Ok(None),
        Err(e) => Err(head_error(kind, e, bytes)),
    }
}

fn copy_headers(headers: &[httparse::Header<'_>]) -> Vec<Header> {
    headers
        .iter()
        .map(|h| {
            let mut value = h.value.to_vec();
            // A folded value (obs-fold, responses only) keeps its whitespace but not the line
            // breaks, as llhttp gives it.
            if value.contains(&b'\n') {
                value.retain(|&b| b != b'\r' && b != b'\n');
            }
            (h.name.as_bytes().to_vec(), value)
        })
        .collect()
}

/// Why a head was refused: httparse's complaint, or a method llhttp does not know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HeadError {
    Httparse(httparse::Error),
    UnknownMethod,
}

impl From<httparse::Error> for HeadError {
    fn from(e: httparse::Error) -> HeadError {
        HeadError::Httparse(e)
    }
}

fn request_config() -> httparse::ParserConfig {
    let mut config = httparse::ParserConfig::default();
    // llhttp takes `GET  / HTTP/1.1`.
    config.allow_multiple_spaces_in_request_line_delimiters(true);
    config
}

fn parse_head_with<'b>(
    kind: Kind,
    bytes: &'b [u8],
    slots: &mut [httparse::Header<'b>],
) -> Result<Option<(usize, RawHead)>, HeadError> {
    match kind {
        Kind::Request => {
            let mut req = httparse::Request::new(slots);
            let httparse::Status::Complete(len) =
                request_config().parse_request(&mut req, bytes)?
            else {
                return Ok(None);
            };
            let name = req.method.unwrap_or_default();
            let Some(method) = ALL_METHODS.iter().position(|m| *m == name) else {
                return Err(HeadError::UnknownMethod);
            };
            Ok(Some((
                len,
                RawHead {
                    minor: req.version.unwrap_or(1),
                    method: Some(method),
                    url: req.path.unwrap_or_default().as_bytes().to_vec(),
                    status: 0,
                    reason: Vec::new(),
                    headers: copy_headers(req.headers),
                },
            )))
        }
        Kind::Response => {
            let mut res = httparse::Response::new(slots);
            let mut config = httparse::ParserConfig::default();
            // llhttp joins a response header's folded lines (obs-fold).
            config.allow_obsolete_multiline_headers_in_responses(true);
            let httparse::Status::Complete(len) = config.parse_response(&mut res, bytes)? else {
                return Ok(None);
            };
            Ok(Some((
                len,
                RawHead {
                    minor: res.version.unwrap_or(1),
                    method: None,
                    url: Vec::new(),
                    status: res.code.unwrap_or(0),
                    reason: res.reason.unwrap_or_default().as_bytes().to_vec(),
                    headers: copy_headers(res.headers),
                },
            )))
        }
    }
}

/// The length of the longest prefix of `bytes` httparse finds no fault in: the offset of the
/// byte it refuses, which is where llhttp stops too.
fn valid_prefix(kind: Kind, bytes: &[u8]) -> usize {
    let ok = |n: usize| {
        let mut slots = vec![httparse::EMPTY_HEADER; bytes.len() / 4 + 2];
        !matches!(
            parse_head_with(kind, &bytes[..n], &mut slots),
            Err(HeadError::Httparse(_))
        )
    };
    let (mut lo, mut hi) = (0, bytes.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if ok(mid) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    lo
}

/// How much of `method` some method llhttp knows begins with: llhttp refuses the byte after.
fn known_method_prefix(method: &[u8]) -> usize {
    (0..=method.len())
        .rev()
        .find(|&n| {
            ALL_METHODS
                .iter()
                .any(|m| m.as_bytes().starts_with(&method[..n]))
        })
        .unwrap_or(0)
}

/// llhttp's code, reason and offset for a head refused in `bytes`.
fn head_error(kind: Kind, e: HeadError, bytes: &[u8]) -> ParseError {
    if kind == Kind::Request {
        let method = bytes.split(|&b| b == b' ').next().unwrap_or_default();
        let known = known_method_prefix(method);
        if known < method.len() || e == HeadError::UnknownMethod {
            return err("HPE_INVALID_METHOD", "Invalid method encountered").at(known);
        }
    }
    let HeadError::Httparse(e) = e else {
        unreachable!("an unknown method is reported above");
    };
    let at = valid_prefix(kind, bytes);
    let bad = bytes.get(at).copied().unwrap_or(0);
    let line_start = at == 0 || bytes[at - 1] == b'\n';
    let e = match e {
        httparse::Error::HeaderName if line_start && (bad == b' ' || bad == b'\t') => {
            err("HPE_UNEXPECTED_SPACE", "Unexpected space after start line").at(at + 1)
        }
        httparse::Error::HeaderName | httparse::Error::HeaderValue
            if (bad == b'\r' && bytes.get(at + 1).is_some_and(|&b| b != b'\n'))
                || (at > 0 && bytes[at - 1] == b'\r' && bad != b'\n') =>
        {
            err("HPE_LF_EXPECTED", "Missing expected LF after header value")
        }
        httparse::Error::HeaderName => err("HPE_INVALID_HEADER_TOKEN", "Invalid header token"),
        httparse::Error::HeaderValue => {
            err("HPE_INVALID_HEADER_TOKEN", "Invalid header value char")
        }
        httparse::Error::NewLine => {
            err("HPE_LF_EXPECTED", "Missing expected LF after header value")
        }
        httparse::Error::Status if bad.is_ascii_digit() => {
            err("HPE_INVALID_STATUS", "Invalid response status")
        }
        httparse::Error::Status => err("HPE_INVALID_STATUS", "Invalid status code"),
        httparse::Error::Version => {
            let version = match kind {
                Kind::Request => bytes[..at]
                    .iter()
                    .rposition(|&b| b == b' ')
                    .map_or(at, |i| i + 1),
                Kind::Response => 0,
            };
            if bytes[version..].starts_with(b"HTTP/") || at >= version + 5 {
                err("HPE_INVALID_VERSION", "Invalid HTTP version").at(at + 1)
            } else {
                err("HPE_INVALID_CONSTANT", "Expected HTTP/, RTSP/ or ICE/").at(version)
            }
        }
        httparse::Error::Token if !bytes[..at].contains(&b' ') => {
            err("HPE_INVALID_METHOD", "Invalid method encountered")
        }
        httparse::Error::Token => err("HPE_INVALID_URL", "Invalid char in url path"),
        httparse::Error::TooManyHeaders => err("HPE_HEADER_OVERFLOW", "Header overflow"),
    };
    if e.at.is_some() { e } else { e.at(at) }
}

fn parse_content_length(value: &[u8]) -> Result<u64, ParseError> {
    let invalid = || {
        err(
            "HPE_INVALID_CONTENT_LENGTH",
            "Invalid character in Content-Length",
        )
    };
    if value.is_empty() {
        return Err(invalid());
    }
    let mut n: u64 = 0;
    for &b in value {
        if !b.is_ascii_digit() {
            return Err(invalid());
        }
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(u64::from(b - b'0')))
            .ok_or(err("HPE_INVALID_CONTENT_LENGTH", "Content-Length overflow"))?;
    }
    Ok(n)
}

/// A chunk-size line without its LF: hex digits, then extensions after `;`, then a CR.
fn parse_chunk_size(line: &[u8]) -> Result<u64, ParseError> {
    let invalid = || err("HPE_INVALID_CHUNK_SIZE", "Invalid character in chunk size");
    let Some(line) = line.strip_suffix(b"\r") else {
        return Err(err(
            "HPE_CR_EXPECTED",
            "Missing expected CR after chunk size",
        ));
    };
    let digits = line.iter().take_while(|b| b.is_ascii_hexdigit()).count();
    if digits == 0 {
        return Err(invalid());
    }
    match line.get(digits) {
        None | Some(b';') => {}
        _ => return Err(invalid()),
    }
    let mut n: u64 = 0;
    for &b in &line[..digits] {
        let d = (b as char).to_digit(16).map_or(0, u64::from);
        n = n
            .checked_mul(16)
            .map(|n| n + d)
            .ok_or(err("HPE_INVALID_CHUNK_SIZE", "Chunk size overflow"))?;
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `input` through a machine in pieces of `piece` bytes, answering heads with
    /// `verdict`, and records what it reports (bodies as bytes).
    fn run(kind: Kind, input: &[u8], piece: usize, verdict: i32) -> Result<Vec<Ev>, ParseError> {
        let mut m = Machine::new(kind, 16384, 0);
        let mut out = Vec::new();
        for chunk in input.chunks(piece.max(1)) {
            let mut at = 0;
            loop {
                let (n, ev) = m.step(&chunk[at..])?;
                let base = at;
                at += n;
                match ev {
                    Event::NeedMore => break,
                    Event::Upgrade => {
                        out.push(Ev::Upgrade);
                        return Ok(out);
                    }
                    Event::Continue => {}
                    Event::Body { start, len } => {
                        let bytes = &chunk[base + start..base + start + len];
                        match out.last_mut() {
                            Some(Ev::Body(b)) => b.extend_from_slice(bytes),
                            _ => out.push(Ev::Body(bytes.to_vec())),
                        }
                    }
                    Event::Headers(h) => {
                        let stop = m.decide(verdict);
                        out.push(Ev::Head(h));
                        if stop {
                            out.push(Ev::Upgrade);
                            return Ok(out);
                        }
                    }
                    Event::MessageBegin => out.push(Ev::Begin),
                    Event::Trailers(t) => out.push(Ev::Trailers(t)),
                    Event::MessageComplete => out.push(Ev::Complete),
                }
            }
        }
        if let Some(ev) = m.finish()? {
            assert_eq!(ev, Event::MessageComplete);
            out.push(Ev::Complete);
        }
        Ok(out)
    }

    #[derive(Debug, Clone, PartialEq, Eq)]
    enum Ev {
        Begin,
        Head(Head),
        Body(Vec<u8>),
        Trailers(Vec<Header>),
        Complete,
        Upgrade,
    }

    fn bodies(evs: &[Ev]) -> Vec<Vec<u8>> {
        evs.iter()
            .filter_map(|e| match e {
                Ev::Body(b) => Some(b.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn http_methods_leave_out_rtsp_and_pri() {
        assert_eq!(ALL_METHODS[NOT_HTTP.start], "PRI");
        assert_eq!(ALL_METHODS[NOT_HTTP.end - 1], "FLUSH");
        let methods: Vec<_> = http_methods().collect();
        assert_eq!(methods.len(), 35);
        assert_eq!(methods.last(), Some(&"QUERY"));
        assert!(!methods.contains(&"PLAY"));
    }

    #[test]
    fn content_length_and_keep_alive() {
        let input = b"POST /a?b HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhelloGET / HTTP/1.1\r\n\r\n";
        for piece in [1, 3, 7, input.len()] {
            let evs = run(Kind::Request, input, piece, 0).unwrap();
            let heads: Vec<_> = evs.iter().filter(|e| matches!(e, Ev::Head(_))).collect();
            assert_eq!(heads.len(), 2, "piece {piece}");
            let Ev::Head(h) = heads[0] else {
                unreachable!()
            };
            assert_eq!(h.method, Some(3));
            assert_eq!(h.url, b"/a?b");
            assert!(h.keep_alive);
            assert_eq!(h.headers[1], (b"Content-Length".to_vec(), b"5".to_vec()));
            assert_eq!(bodies(&evs), vec![b"hello".to_vec()]);
            assert_eq!(evs.iter().filter(|e| **e == Ev::Complete).count(), 2);
        }
    }

    #[test]
    fn chunked_with_trailers() {
        let input = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nhello\r\n6\r\n world\r\n0\r\nX-T: 1\r\n\r\n";
        for piece in [1, 2, 5, input.len()] {
            let evs = run(Kind::Response, input, piece, 0).unwrap();
            assert_eq!(bodies(&evs).concat(), b"hello world");
            assert!(evs.contains(&Ev::Trailers(vec![(b"X-T".to_vec(), b"1".to_vec())])));
            assert_eq!(evs.last(), Some(&Ev::Complete));
        }
    }

    #[test]
    fn response_until_eof_completes_on_finish() {
        let evs = run(Kind::Response, b"HTTP/1.0 200 OK\r\n\r\nabc", 2, 0).unwrap();
        let Ev::Head(h) = &evs[1] else { panic!() };
        assert!(!h.keep_alive);
        assert_eq!(bodies(&evs).concat(), b"abc");
        assert_eq!(evs.last(), Some(&Ev::Complete));
    }

    #[test]
    fn head_response_skips_its_body() {
        let evs = run(
            Kind::Response,
            b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n",
            100,
            1,
        )
        .unwrap();
        assert_eq!(evs.last(), Some(&Ev::Complete));
        assert!(bodies(&evs).is_empty());
    }

    #[test]
    fn upgrade_stops_after_the_head() {
        let input = b"GET / HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n\x00\x01";
        let evs = run(Kind::Request, input, 100, 2).unwrap();
        assert_eq!(evs.last(), Some(&Ev::Upgrade));
        let Ev::Head(h) = &evs[1] else { panic!() };
        assert!(h.upgrade);
    }

    #[test]
    fn errors_are_llhttps() {
        let code = |kind, input: &[u8]| run(kind, input, 100, 0).unwrap_err().code;
        assert_eq!(
            code(Kind::Request, b"FOO / HTTP/1.1\r\n\r\n"),
            "HPE_INVALID_METHOD"
        );
        assert_eq!(
            code(Kind::Request, b"GET / HTTP/1.1\r\nA B: c\r\n\r\n"),
            "HPE_INVALID_HEADER_TOKEN"
        );
        assert_eq!(
            code(
                Kind::Request,
                b"POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n"
            ),
            "HPE_INVALID_CONTENT_LENGTH"
        );
        assert_eq!(
            code(
                Kind::Request,
                b"POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n"
            ),
            "HPE_INVALID_TRANSFER_ENCODING"
        );
        assert_eq!(
            code(
                Kind::Request,
                b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"
            ),
            "HPE_INVALID_CHUNK_SIZE"
        );
        assert_eq!(
            code(
                Kind::Request,
                b"GET / HTTP/1.1\r\nConnection: close\r\n\r\nGET / HTTP/1.1\r\n\r\n"
            ),
            "HPE_CLOSED_CONNECTION"
        );
        let big = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(20000));
        assert_eq!(code(Kind::Request, big.as_bytes()), "HPE_HEADER_OVERFLOW");
        assert_eq!(
            run(
                Kind::Request,
                b"POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nab",
                100,
                0
            )
            .unwrap_err()
            .code,
            "HPE_INVALID_EOF_STATE"
        );
    }

    proptest::proptest! {
        /// A chunked body of arbitrary chunks comes out whole, however the input is cut.
        #[test]
        fn chunked_bodies_survive_any_split(
            chunks in proptest::collection::vec(proptest::collection::vec(proptest::num::u8::ANY, 1..40), 0..6),
            piece in 1usize..50,
        ) {
            let mut input = b"POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
            for c in &chunks {
                input.extend_from_slice(format!("{:x}\r\n", c.len()).as_bytes());
                input.extend_from_slice(c);
                input.extend_from_slice(b"\r\n");
            }
            input.extend_from_slice(b"0\r\n\r\n");
            let evs = run(Kind::Request, &input, piece, 0).unwrap();
            proptest::prop_assert_eq!(bodies(&evs).concat(), chunks.concat());
            proptest::prop_assert_eq!(evs.last(), Some(&Ev::Complete));
        }
    }
}
