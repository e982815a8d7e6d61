import Testing

/// The root of every end-to-end suite. They run one at a time: each spawns real processes, and Foundation's
/// `Process` on Linux lost track of children when tests launched them from several threads at once.
@Suite("End to end", .serialized)
enum EndToEnd {}
