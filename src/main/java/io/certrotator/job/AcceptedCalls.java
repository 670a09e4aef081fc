package io.certrotator.job;

import io.certrotator.plan.HostGroup;

/** Hears, zone by zone, of the calls the API accepted: what verification reads back. */
interface AcceptedCalls {

    /** With {@code --no-verify}: an accepted call is taken at its word. */
    AcceptedCalls TRUSTED = new AcceptedCalls() {
        @Override
        public void accepted(HostGroup group) {
        }

        @Override
        public void zoneSettled(String zoneId, RunControl run) {
        }
    };

    /** The API answered OK for the group; its rows are SUCCEEDED. Called on a worker: must not block. */
    void accepted(HostGroup group);

    /** Every call of the zone has been answered for good (or left pending by a stop). Must not block. */
    void zoneSettled(String zoneId, RunControl run);
}
