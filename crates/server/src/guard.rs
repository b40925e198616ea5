//! Which addresses the server may fetch from: public ones only, unless told otherwise.
//!
//! A server that fetches any URL it is given is a proxy into its own network (the admin panel on
//! loopback, the database on 10.0.0.5, the cloud metadata service at 169.254.169.254 that hands
//! out credentials). The guard refuses every address that is not globally routable, and it checks
//! the addresses that are actually connected to:
//!
//! * names are resolved by [`GuardedResolver`], which the HTTP client uses for every connection,
//!   the first and every redirect's, and which drops refused addresses from the answer. The
//!   client connects only to the addresses it returns, so a name that resolves to a public
//!   address when checked and a private one when used (DNS rebinding) cannot slip through;
//! * addresses written in the URL itself (`http://127.1/`, `http://[::1]/`, which no resolver
//!   sees) are checked by [`Guard::check_url`] before the request and in the redirect policy
//!   before each redirect is followed.
//!
//! Environment proxies are ignored by the client: a proxy would make the connection on the
//! guard's behalf.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};

/// The address policy of a server.
#[derive(Clone, Debug, Default)]
pub struct Guard {
    /// Let every address through.
    pub allow_private: bool,
    /// Addresses let through even when they are not public.
    pub allowed: Vec<IpAddr>,
    /// Static host table, consulted before DNS.
    pub hosts: Vec<(String, Vec<IpAddr>)>,
}

/// A fetch refused by the guard.
#[derive(Debug)]
pub struct Refused {
    /// The host name that resolved to the address; `None` for an address written in the URL.
    pub name: Option<String>,
    /// The refused address.
    pub ip: IpAddr,
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.name {
            Some(name) => write!(f, "{name} resolves to {}, which is not a public address", self.ip)?,
            None => write!(f, "{} is not a public address", self.ip)?,
        }
        f.write_str(": the server does not fetch from loopback, private, link-local or metadata addresses")
    }
}

impl std::error::Error for Refused {}

impl Guard {
    /// True when the guard lets `ip` through.
    pub fn permits(&self, ip: IpAddr) -> bool {
        self.allow_private || self.allowed.contains(&ip) || is_public(ip)
    }

    /// Checks the address written in `url`, if its host is one.
    pub fn check_url(&self, url: &reqwest::Url) -> Result<(), Refused> {
        let Some(host) = url.host_str() else { return Ok(()) };
        match host.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>() {
            Ok(ip) if !self.permits(ip) => Err(Refused { name: None, ip }),
            _ => Ok(()),
        }
    }
}

/// A DNS resolver that answers only with addresses the guard permits.
#[derive(Clone, Debug)]
pub struct GuardedResolver(pub Arc<Guard>);

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let guard = self.0.clone();
        Box::pin(async move {
            let host = name.as_str().trim_end_matches('.').to_ascii_lowercase();
            let found: Vec<IpAddr> = match guard.hosts.iter().find(|(h, _)| h.eq_ignore_ascii_case(&host)) {
                Some((_, ips)) => ips.clone(),
                None => tokio::net::lookup_host((host.as_str(), 0)).await?.map(|a| a.ip()).collect(),
            };
            let permitted: Vec<SocketAddr> =
                found.iter().filter(|ip| guard.permits(**ip)).map(|ip| SocketAddr::new(*ip, 0)).collect();
            match (permitted.is_empty(), found.first()) {
                (true, Some(&ip)) => Err(Box::new(Refused { name: Some(host), ip }) as _),
                _ => Ok(Box::new(permitted.into_iter()) as Addrs),
            }
        })
    }
}

/// True for globally routable unicast addresses: false for loopback, private, shared (CGNAT),
/// link-local (and so the cloud metadata address), unspecified, broadcast, multicast, reserved,
/// documentation and benchmarking ranges, and for IPv6 addresses that embed one of those (mapped,
/// compatible, NAT64, 6to4) or are unique-local, site-local, link-local or Teredo.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => is_public_v6(v6),
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(a == 0                                   // "this network"
        || a == 10                              // private
        || a == 100 && (64..128).contains(&b)   // shared address space (CGNAT; Alibaba metadata)
        || a == 127                             // loopback
        || a == 169 && b == 254                 // link-local (AWS/GCP/Azure metadata)
        || a == 172 && (16..32).contains(&b)    // private
        || a == 192 && b == 0 && c == 0         // IETF protocol assignments
        || a == 192 && b == 0 && c == 2         // documentation
        || a == 192 && b == 88 && c == 99       // 6to4 relay anycast
        || a == 192 && b == 168                 // private
        || a == 198 && (18..20).contains(&b)    // benchmarking
        || a == 198 && b == 51 && c == 100      // documentation
        || a == 203 && b == 0 && c == 113       // documentation
        || a >= 224) // multicast, reserved, broadcast
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    let s = ip.segments();
    if let Some(v4) = embedded_v4(ip) {
        return is_public_v4(v4);
    }
    !(ip.is_unspecified()
        || ip.is_loopback()
        || s[0] & 0xfe00 == 0xfc00              // unique local (fd00:ec2::254 is AWS metadata)
        || s[0] & 0xffc0 == 0xfe80              // link-local
        || s[0] & 0xffc0 == 0xfec0              // site-local (deprecated)
        || s[0] & 0xff00 == 0xff00              // multicast
        || s[0] == 0x2001 && s[1] == 0          // Teredo
        || s[0] == 0x2001 && s[1] == 0x0db8     // documentation
        || s[0] == 0x0100 && s[1..4] == [0, 0, 0] // discard-only
        || s[0] & 0xe000 != 0x2000) // outside global unicast 2000::/3
}

/// The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64 or 6to4 address.
fn embedded_v4(ip: Ipv6Addr) -> Option<Ipv4Addr> {
    let s = ip.segments();
    let low = Ipv4Addr::new((s[6] >> 8) as u8, s[6] as u8, (s[7] >> 8) as u8, s[7] as u8);
    let mapped_or_compatible =
        s[..5] == [0; 5] && (s[5] == 0xffff || s[5] == 0 && !ip.is_loopback() && !ip.is_unspecified());
    let nat64 = s[..6] == [0x64, 0xff9b, 0, 0, 0, 0] || s[..3] == [0x64, 0xff9b, 1];
    if mapped_or_compatible || nat64 {
        Some(low)
    } else if s[0] == 0x2002 {
        Some(Ipv4Addr::new((s[1] >> 8) as u8, s[1] as u8, (s[2] >> 8) as u8, s[2] as u8))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_and_not() {
        let cases = vec![
            ("8.8.8.8", true),
            ("93.184.216.34", true),
            ("2606:4700:4700::1111", true),
            ("::ffff:8.8.8.8", true),
            ("127.0.0.1", false),
            ("127.255.0.9", false),
            ("0.0.0.0", false),
            ("10.1.2.3", false),
            ("172.16.0.1", false),
            ("172.31.255.255", false),
            ("172.32.0.1", true),
            ("192.168.1.1", false),
            ("169.254.169.254", false),
            ("100.100.100.200", false),
            ("100.128.0.1", true),
            ("224.0.0.1", false),
            ("255.255.255.255", false),
            ("198.18.0.1", false),
            ("::1", false),
            ("::", false),
            ("::ffff:127.0.0.1", false),
            ("::ffff:169.254.169.254", false),
            ("::127.0.0.1", false),
            ("64:ff9b::a9fe:a9fe", false),
            ("2002:7f00:1::", false),
            ("2002:0808:0808::", true),
            ("fd00:ec2::254", false),
            ("fe80::1", false),
            ("ff02::1", false),
            ("2001:db8::1", false),
            ("2001::1", false),
        ];
        for (ip, expected) in cases {
            assert_eq!(is_public(ip.parse().unwrap()), expected, "{ip}");
        }
    }

    #[test]
    fn addresses_in_urls() {
        let guard = Guard::default();
        let cases = vec![
            ("http://127.0.0.1:8080/", false),
            ("http://127.1/", false),
            ("http://2130706433/", false),
            ("http://0x7f.0.0.1/", false),
            ("http://[::1]/", false),
            ("http://[::ffff:7f00:1]/", false),
            ("http://169.254.169.254/latest/meta-data/", false),
            ("http://8.8.8.8/", true),
            ("https://example.com/", true),
        ];
        for (url, ok) in cases {
            let url = reqwest::Url::parse(url).unwrap();
            assert_eq!(guard.check_url(&url).is_ok(), ok, "{url}");
        }
        let open = Guard { allow_private: true, ..Guard::default() };
        assert!(open.check_url(&reqwest::Url::parse("http://127.0.0.1/").unwrap()).is_ok());
    }

    #[tokio::test]
    async fn resolver_drops_refused_answers() {
        let guard = Guard {
            hosts: vec![
                ("evil.test".to_string(), vec!["10.0.0.5".parse().unwrap()]),
                ("mixed.test".to_string(), vec!["127.0.0.1".parse().unwrap(), "8.8.8.8".parse().unwrap()]),
            ],
            ..Guard::default()
        };
        let r = GuardedResolver(Arc::new(guard));
        let e = r.resolve("evil.test.".parse().unwrap()).await.err().unwrap();
        assert!(e.to_string().starts_with("evil.test resolves to 10.0.0.5, which is not a public address"), "{e}");
        let ok: Vec<SocketAddr> = r.resolve("MIXED.test".parse().unwrap()).await.unwrap().collect();
        assert_eq!(ok, vec!["8.8.8.8:0".parse().unwrap()]);
        let e = r.resolve("localhost".parse().unwrap()).await.err().unwrap();
        assert!(e.to_string().contains("not a public address"), "{e}");
    }
}
