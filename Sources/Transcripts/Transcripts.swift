// Transcripts module
