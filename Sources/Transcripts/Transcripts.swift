// Transcripts: the session log.
//
// - `TranscriptWriter` writes a session as JSON Lines, crash-safe (one write and fsync per step), hash-chained and
//   optionally HMAC-signed.
// - `Transcript.read(path:)` reads and checks one; `Verifier.verify(path:scenario:key:)` reports on one;
//   `Resumer.load(path:scenario:...)` rebuilds its session to go on playing.
// - `EventCodec` and `InputCodec` map engine events and inputs to the JSON the file holds (ids, never indices).
//
// docs/transcript-format.md describes the format.
