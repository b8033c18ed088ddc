package export

// WordsForTest exposes countWords to the external tests.
var WordsForTest = countWords
