package config

import (
	"testing"
	"testing/fstest"
)

// TestBaseURL covers the base URLs a site can give, with or without a
// path, and what each means for links, feeds and GitHub Pages (issue 6).
func TestBaseURL(t *testing.T) {
	tests := []struct {
		in, want          string
		err               string
		absolute          bool
		path, url, domain string
	}{
		{in: "", want: "", path: "/"},
		{in: "https://user.github.io/repo", want: "https://user.github.io/repo/", absolute: true,
			path: "/repo/", url: "https://user.github.io/repo/2024/x/"},
		{in: "https://user.github.io/", want: "https://user.github.io/", absolute: true,
			path: "/", url: "https://user.github.io/2024/x/"},
		{in: "https://News.Example.org", want: "https://News.Example.org/", absolute: true,
			path: "/", url: "https://News.Example.org/2024/x/", domain: "news.example.org"},
		{in: "https://example.org/briefings/", want: "https://example.org/briefings/", absolute: true,
			path: "/briefings/", url: "https://example.org/briefings/2024/x/"},
		{in: "http://localhost:1313/", want: "http://localhost:1313/", absolute: true,
			path: "/", url: "http://localhost:1313/2024/x/"},
		{in: "http://127.0.0.1/", want: "http://127.0.0.1/", absolute: true, path: "/", url: "http://127.0.0.1/2024/x/"},
		{in: "/repo", want: "/repo/", path: "/repo/"},
		{in: "https://example.org/أخبار/", want: "https://example.org/أخبار/", absolute: true,
			path: "/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/", url: "https://example.org/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/2024/x/"},
		{in: "ftp://x", err: `baseURL "ftp://x/" must start with http://, https:// or /`},
		{in: "user.github.io/repo", err: `baseURL "user.github.io/repo/" must start with http://, https:// or /`},
		{in: "https:///repo", err: `baseURL "https:///repo/" has no host name`},
		{in: "https://x.org/?a=1", err: `baseURL "https://x.org/?a=1/" must not have a query or a fragment`},
		{in: "https://x.org/#top", err: `baseURL "https://x.org/#top/" must not have a query or a fragment`},
		{in: "//x.org/", err: `baseURL "//x.org/" needs a scheme, https:// or http://`},
		{in: "https://me:pw@x.org/", err: `baseURL "https://me:pw@x.org/" must not hold a user name or password`},
	}
	for _, tt := range tests {
		got, err := ParseBaseURL(tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("ParseBaseURL(%q): error %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseBaseURL(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			continue
		}
		c := Default()
		c.BaseURL = got
		if c.Absolute() != tt.absolute || c.BasePath() != tt.path || c.URL("2024/x/") != tt.url || c.CustomDomain() != tt.domain {
			t.Errorf("%q: Absolute %v BasePath %q URL %q CustomDomain %q; want %v %q %q %q",
				tt.in, c.Absolute(), c.BasePath(), c.URL("2024/x/"), c.CustomDomain(), tt.absolute, tt.path, tt.url, tt.domain)
		}
	}
}

func TestFeedLimit(t *testing.T) {
	c, diags := Load(fstest.MapFS{FileName: {Data: []byte("[feed]\nlimit = 0\n")}}, FileName)
	if len(diags) > 0 || c.Feed.Limit != 0 {
		t.Errorf("limit = 0: got %d, %v", c.Feed.Limit, diags)
	}
	if Default().Feed.Limit != 20 {
		t.Errorf("default feed limit %d, want 20", Default().Feed.Limit)
	}
	_, diags = Load(fstest.MapFS{FileName: {Data: []byte("[feed]\nlimit = -3\n")}}, FileName)
	if len(diags) != 1 || diags[0].Error() != "isnad.toml:2:1: feed.limit: -3 must be 0 (every article) or more" {
		t.Errorf("negative limit: %v", diags)
	}
}
