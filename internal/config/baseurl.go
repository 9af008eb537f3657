package config

import (
	"fmt"
	"net"
	"net/url"
	"strings"
)

// ParseBaseURL checks a base URL and returns it ending in "/". A base URL
// is either a full address, "https://user.github.io/repo/" or
// "https://news.example.org/", or a path from the server root, "/repo/",
// which is enough for 404.html but not for feeds, the sitemap and
// canonical links. "" stays "".
func ParseBaseURL(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	if !strings.HasPrefix(s, "http://") && !strings.HasPrefix(s, "https://") && !strings.HasPrefix(s, "/") {
		return s, fmt.Errorf("baseURL %q must start with http://, https:// or /", s)
	}
	u, err := url.Parse(s)
	if err != nil {
		return s, fmt.Errorf("baseURL %q is not a URL: %w", s, err)
	}
	switch {
	case u.Scheme != "" && u.Host == "":
		return s, fmt.Errorf("baseURL %q has no host name", s)
	case u.Scheme == "" && strings.HasPrefix(s, "//"):
		return s, fmt.Errorf("baseURL %q needs a scheme, https:// or http://", s)
	case u.RawQuery != "" || u.Fragment != "" || strings.HasSuffix(s, "?/") || strings.Contains(s, "#"):
		return s, fmt.Errorf("baseURL %q must not have a query or a fragment", s)
	case u.User != nil:
		return s, fmt.Errorf("baseURL %q must not hold a user name or password", s)
	}
	return s, nil
}

// Absolute reports whether BaseURL is a full address, with a scheme and a
// host, as feeds, the sitemap and Open Graph tags need.
func (c *Config) Absolute() bool {
	return strings.HasPrefix(c.BaseURL, "http://") || strings.HasPrefix(c.BaseURL, "https://")
}

// BasePath returns the path of BaseURL from the server root, "/repo/" for
// "https://user.github.io/repo/", and "/" when BaseURL has no path or is
// not set.
func (c *Config) BasePath() string {
	u, err := url.Parse(c.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	return u.EscapedPath()
}

// URL returns the full address of the site path p ("2024/x/"),
// percent-encoded as sitemaps want it, or "" when BaseURL is not a full
// address.
func (c *Config) URL(p string) string {
	if !c.Absolute() {
		return ""
	}
	u, err := url.Parse(c.BaseURL)
	if err != nil {
		return ""
	}
	u.Path += p
	u.RawPath = ""
	return u.String()
}

// CustomDomain returns the host name GitHub Pages must serve the site
// under, for its CNAME file: the host of BaseURL when the site is served
// from the root of a domain of its own. It is "" for *.github.io, for
// local addresses and for a base URL with a path (a custom domain always
// serves a Pages site from its root).
func (c *Config) CustomDomain() string {
	if !c.Absolute() {
		return ""
	}
	u, err := url.Parse(c.BaseURL)
	if err != nil || (u.Path != "" && u.Path != "/") {
		return ""
	}
	host := u.Hostname()
	switch {
	case host == "", host == "localhost", strings.HasSuffix(host, ".localhost"),
		net.ParseIP(host) != nil, !strings.Contains(host, "."),
		host == "github.io", strings.HasSuffix(host, ".github.io"):
		return ""
	}
	if u.Port() != "" {
		return ""
	}
	return strings.ToLower(host)
}
