"""Text analysis shared by the rules and by retranslation: sentences, mentions, speakers, acronyms,
spellings, lost-letter recovery and encoding repair. The Context computes each once per document."""
