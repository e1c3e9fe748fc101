import Testing

/// Every live-socket test nests in this suite, so they run one at a time: the fd-leak test
/// counts the process's descriptors, which parallel tests would disturb.
@Suite(.serialized) struct ServerTests {}
