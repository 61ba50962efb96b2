package analysis

// SetBounds sets the reader's cache bound and the batch of written quads
// for a test, and returns what restores them.
func SetBounds(cache, batch int) (restore func()) {
	oldCache, oldBatch := cacheBound, batchQuads
	cacheBound, batchQuads = cache, batch
	return func() { cacheBound, batchQuads = oldCache, oldBatch }
}
