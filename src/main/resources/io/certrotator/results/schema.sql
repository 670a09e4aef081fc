-- One row per input line and job instance: the results table behind restarts and reports.
CREATE TABLE IF NOT EXISTS CR_ROW (
    JOB_INSTANCE_ID BIGINT       NOT NULL,
    LINE            BIGINT       NOT NULL,
    ZONE_ID         VARCHAR(512) NOT NULL,
    HOST            VARCHAR(512) NOT NULL,
    MODE            VARCHAR(64)  NOT NULL,
    CERT_IDS        VARCHAR(2048) NOT NULL,
    TARGET_KEY      VARCHAR(2112) NOT NULL,
    STATUS          VARCHAR(16)  NOT NULL,
    ERROR_CODE      VARCHAR(128),
    ERROR_MESSAGE   VARCHAR(1024),
    REQUEST_ID      VARCHAR(128),
    ATTEMPTS        INT          NOT NULL,
    UPDATED_AT      TIMESTAMP    NOT NULL,
    -- what the live read found on the host before the row changed it; tables made before these columns gain them
    -- from ResultsSchema, not from here: an ALTER TABLE on every start would wait for the runs under way
    PREVIOUS_MODE     VARCHAR(64),
    PREVIOUS_CERT_IDS VARCHAR(2048),
    PRIMARY KEY (JOB_INSTANCE_ID, LINE)
);
-- Pending rows are read in group order on every (re)start (ResultsRepository.forEachPendingInGroupOrder); the
-- counts by status and the report's INVALID rows use its first two columns.
CREATE INDEX IF NOT EXISTS CR_ROW_GROUP_ORDER ON CR_ROW (JOB_INSTANCE_ID, STATUS, ZONE_ID, TARGET_KEY, HOST, LINE);
-- Hosts listed with different targets are found by grouping the PENDING rows by host in this index's order, so the
-- database reads it without a sort and holds one group at a time (ResultsRepository.markConflictingHosts).
DROP INDEX IF EXISTS CR_ROW_HOST;
CREATE INDEX IF NOT EXISTS CR_ROW_HOST_TARGET ON CR_ROW (JOB_INSTANCE_ID, STATUS, ZONE_ID, HOST, TARGET_KEY);
