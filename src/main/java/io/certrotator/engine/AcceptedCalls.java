package io.certrotator.engine;

import io.certrotator.plan.HostGroup;

import java.util.Set;

/** Hears, zone by zone, of the calls the API accepted: what verification reads back. */
interface AcceptedCalls {

    /** With {@code --no-verify}: an accepted call is taken at its word. */
    AcceptedCalls TRUSTED = new AcceptedCalls() {
        @Override
        public void listed(String zoneId, int pageOffset, Set<String> hosts) {
        }

        @Override
        public void accepted(HostGroup group, RunControl run) {
        }

        @Override
        public void zoneSettled(String zoneId, RunControl run) {
        }
    };

    /**
     * These hosts of the zone are about to be sent, and the live state's page at {@code pageOffset} listed them:
     * once they are all accepted, that page can be read back before the rest of the zone is answered. Called
     * before any call for them is sent.
     */
    void listed(String zoneId, int pageOffset, Set<String> hosts);

    /** The API answered OK for the group; its rows are SUCCEEDED. Called on a worker: must not block. */
    void accepted(HostGroup group, RunControl run);

    /** Every call of the zone has been answered for good (or left pending by a stop). Must not block. */
    void zoneSettled(String zoneId, RunControl run);
}
