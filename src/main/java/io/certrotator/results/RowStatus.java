package io.certrotator.results;

/** The contract's row states: every input row ends in exactly one of them. */
public enum RowStatus {
    SUCCEEDED, FAILED, INVALID, PENDING
}
