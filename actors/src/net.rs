//! Addresses and errors shared by the socket and server actors.

use std::fmt;
use std::io;
use std::net::SocketAddr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use socket2::{Domain, SockAddr, Socket, Type};

/// Where a stream socket lives: an IP address and port, or a Unix socket path (a name starting
/// with a NUL byte is a Linux abstract name, with no file behind it).
#[derive(Clone, PartialEq, Eq, Hash)]
pub enum SocketAddress {
    /// TCP over IPv4 or IPv6.
    Inet(SocketAddr),
    /// A Unix domain socket.
    Unix(PathBuf),
}

impl SocketAddress {
    pub(crate) fn to_sockaddr(&self) -> io::Result<SockAddr> {
        match self {
            SocketAddress::Inet(a) => Ok(SockAddr::from(*a)),
            // A path too long for sockaddr_un is EINVAL, as libuv reports it.
            SocketAddress::Unix(p) => SockAddr::unix(p).map_err(|e| match e.raw_os_error() {
                Some(_) => e,
                None => io::Error::from_raw_os_error(libc::EINVAL),
            }),
        }
    }

    /// The address of a socket as the kernel reports it.
    pub fn from_sockaddr(a: &SockAddr) -> SocketAddress {
        if let Some(inet) = a.as_socket() {
            return SocketAddress::Inet(inet);
        }
        if let Some(path) = a.as_pathname() {
            return SocketAddress::Unix(path.to_path_buf());
        }
        if let Some(name) = a.as_abstract_namespace() {
            let mut bytes = vec![0u8];
            bytes.extend_from_slice(name);
            return SocketAddress::Unix(PathBuf::from(std::ffi::OsStr::from_bytes(&bytes)));
        }
        // An unnamed Unix socket (the client end of a connection).
        SocketAddress::Unix(PathBuf::new())
    }

    pub(crate) fn domain(&self) -> Domain {
        match self {
            SocketAddress::Inet(a) if a.is_ipv4() => Domain::IPV4,
            SocketAddress::Inet(_) => Domain::IPV6,
            SocketAddress::Unix(_) => Domain::UNIX,
        }
    }

    /// A new non-blocking, close-on-exec stream socket for this kind of address.
    pub(crate) fn new_socket(&self) -> io::Result<Socket> {
        let s = Socket::new(self.domain(), Type::STREAM.nonblocking(), None)?;
        Ok(s)
    }

    /// The Unix path with a file behind it (not abstract names).
    pub(crate) fn unix_file(&self) -> Option<&Path> {
        match self {
            SocketAddress::Unix(p) if p.as_os_str().as_bytes().first().is_some_and(|b| *b != 0) => {
                Some(p)
            }
            _ => None,
        }
    }

    /// Whether a socket could bind this address now (`EADDRINUSE`, `EADDRNOTAVAIL`, ...), tried on
    /// a throwaway socket with the options a connecting socket uses. Lets a caller report bind
    /// errors when the bind is asked for, as libuv does, while the socket itself is only made
    /// when it connects. `reuse_port` sets `SO_REUSEPORT` as a listener sharing the port would.
    pub fn probe_bind(&self, reuse_port: bool) -> io::Result<()> {
        let sock = self.new_socket()?;
        if let SocketAddress::Inet(_) = self {
            sock.set_reuse_address(true)?;
            if reuse_port {
                sock.set_reuse_port(true)?;
            }
        }
        sock.bind(&self.to_sockaddr()?)
    }

    /// The IP address as Node prints it, or the Unix path.
    pub fn host(&self) -> String {
        match self {
            SocketAddress::Inet(a) => a.ip().to_string(),
            SocketAddress::Unix(p) => p.display().to_string(),
        }
    }

    /// The port, for IP addresses.
    pub fn port(&self) -> Option<u16> {
        match self {
            SocketAddress::Inet(a) => Some(a.port()),
            SocketAddress::Unix(_) => None,
        }
    }
}

impl From<SocketAddr> for SocketAddress {
    fn from(a: SocketAddr) -> SocketAddress {
        SocketAddress::Inet(a)
    }
}

impl fmt::Debug for SocketAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Display for SocketAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SocketAddress::Inet(a) => write!(f, "{a}"),
            SocketAddress::Unix(p) => write!(f, "{}", p.display()),
        }
    }
}

/// A failed socket call. Becomes Node's net error: `code`/`errno` from
/// [`raw_os_error`](Self::raw_os_error), `syscall`, `address`, `port`.
#[derive(Debug)]
pub struct NetError {
    /// The call that failed (`"connect"`, `"listen"`, `"read"`, `"write"`, ...).
    pub syscall: &'static str,
    /// The address involved, if any.
    pub address: Option<SocketAddress>,
    /// The OS error.
    pub error: io::Error,
}

/// The result of a socket call.
pub type NetResult<T> = Result<T, NetError>;

impl NetError {
    /// An error from `syscall`.
    pub fn new(syscall: &'static str, error: io::Error) -> NetError {
        NetError {
            syscall,
            address: None,
            error,
        }
    }

    /// An error from an errno value.
    pub fn errno(syscall: &'static str, errno: i32) -> NetError {
        NetError::new(syscall, io::Error::from_raw_os_error(errno))
    }

    /// Adds the address.
    pub fn at(mut self, address: &SocketAddress) -> NetError {
        self.address = Some(address.clone());
        self
    }

    /// The errno, if the error came from the OS.
    pub fn raw_os_error(&self) -> Option<i32> {
        self.error.raw_os_error()
    }
}

impl Clone for NetError {
    fn clone(&self) -> NetError {
        let error = match self.error.raw_os_error() {
            Some(e) => io::Error::from_raw_os_error(e),
            None => io::Error::new(self.error.kind(), self.error.to_string()),
        };
        NetError {
            syscall: self.syscall,
            address: self.address.clone(),
            error,
        }
    }
}

impl fmt::Display for NetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.syscall, self.error)?;
        if let Some(a) = &self.address {
            write!(f, " {a}")?;
        }
        Ok(())
    }
}

impl std::error::Error for NetError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

impl From<NetError> for io::Error {
    fn from(e: NetError) -> io::Error {
        match e.error.raw_os_error() {
            Some(errno) => io::Error::from_raw_os_error(errno),
            None => e.error,
        }
    }
}
