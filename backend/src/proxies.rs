//! The client's address behind reverse proxies. `X-Forwarded-For` is honoured only when the TCP
//! peer is one of the configured `TRUSTED_PROXIES`, and then read from the right: the first
//! address that is not itself a trusted proxy is the client (anything left of it was written by
//! the client and proves nothing).
use std::net::IpAddr;

use ipnet::IpNet;

/// Parses `TRUSTED_PROXIES`: addresses or CIDR ranges, separated by commas.
pub fn parse(value: &str) -> Result<Vec<IpNet>, String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<IpNet>()
                .or_else(|_| s.parse::<IpAddr>().map(IpNet::from))
                .map_err(|_| format!("`{s}` is neither an IP address nor a CIDR range"))
        })
        .collect()
}

fn trusted(proxies: &[IpNet], ip: &IpAddr) -> bool {
    proxies.iter().any(|net| net.contains(ip))
}

/// The client's address: the peer, or when the peer is a trusted proxy the rightmost untrusted
/// address of `X-Forwarded-For` (its values joined in order, as several headers may carry it).
pub fn client_ip(
    peer: Option<IpAddr>,
    forwarded_for: &[&str],
    proxies: &[IpNet],
) -> Option<IpAddr> {
    let peer = peer?;
    if !trusted(proxies, &peer) {
        return Some(peer);
    }
    let hops: Vec<IpAddr> = forwarded_for
        .iter()
        .flat_map(|v| v.split(','))
        .map_while(|s| s.trim().parse::<IpAddr>().ok())
        .collect();
    Some(
        hops.iter()
            .rev()
            .find(|ip| !trusted(proxies, ip))
            .copied()
            // Every hop is a proxy of ours: the leftmost one is as close to the client as we know.
            .or_else(|| hops.first().copied())
            .unwrap_or(peer),
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn forwarded_for_counts_only_from_a_trusted_proxy() {
        let proxies = parse("10.0.0.0/8, 127.0.0.1").unwrap();
        // A client that writes the header itself is not believed.
        assert_eq!(
            client_ip(Some(ip("203.0.113.9")), &["1.2.3.4"], &proxies),
            Some(ip("203.0.113.9"))
        );
        // Through our proxy: the address it saw.
        assert_eq!(
            client_ip(Some(ip("127.0.0.1")), &["203.0.113.9"], &proxies),
            Some(ip("203.0.113.9"))
        );
        // A spoofed entry left of what our proxies appended is skipped.
        assert_eq!(
            client_ip(
                Some(ip("10.0.0.2")),
                &["6.6.6.6, 198.51.100.7", "10.0.0.3"],
                &proxies
            ),
            Some(ip("198.51.100.7"))
        );
        // No header: the proxy's own address.
        assert_eq!(
            client_ip(Some(ip("10.0.0.2")), &[], &proxies),
            Some(ip("10.0.0.2"))
        );
    }

    #[test]
    fn bad_entries_are_named() {
        assert!(
            parse("10.0.0.0/8,not-an-ip")
                .unwrap_err()
                .contains("not-an-ip")
        );
        assert_eq!(parse("").unwrap(), vec![]);
        assert_eq!(parse("::1").unwrap().len(), 1);
    }
}
