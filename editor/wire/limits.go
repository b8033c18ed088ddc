package wire

// Limits that keep any one input to well under 100 MB of memory: a file is
// at most wirefile.MaxBytes, and XML nested deeper than any agency format,
// or with more elements than a story could use, is refused as it is read
// rather than built into a tree.
const (
	// MaxXMLDepth is how deeply XML elements may nest.
	MaxXMLDepth = 256
	// MaxXMLElements is how many elements one XML file may hold.
	MaxXMLElements = 50_000
)
