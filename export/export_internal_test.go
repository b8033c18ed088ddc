package export

// SetSitemapMaxForTest sets how many addresses one sitemap holds, returning
// a function that restores it.
func SetSitemapMaxForTest(n int) (restore func()) {
	old := sitemapMax
	sitemapMax = n
	return func() { sitemapMax = old }
}
