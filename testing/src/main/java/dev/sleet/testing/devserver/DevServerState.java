package dev.sleet.testing.devserver;

/** What a dev server's data folder holds right now. */
public enum DevServerState {
    /** No cluster in the folder yet: the first {@code start} creates one. */
    NOT_CREATED,
    /** A cluster exists and no server runs on it. */
    STOPPED,
    /** A server runs on the cluster and accepts connections. */
    RUNNING
}
