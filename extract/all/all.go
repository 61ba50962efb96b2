// Package all links every extractor newsgraph ships, so that a binary
// importing it offers each by name (extract.New, --extractor): the rules
// extractor, which package extract registers, and the optional LLM
// extractor of extract/llm. A new extractor registers itself in its
// package's init and is added here.
package all

import (
	_ "github.com/newsgraph/newsgraph/extract"     // "rules"
	_ "github.com/newsgraph/newsgraph/extract/llm" // "llm"
)
