package io.certrotator.edgeone;

/**
 * Where the pacer of one action comes from: the API limits each action on its own, so each has its own budget, kept
 * per (credentials, action) by the implementation (local to the process, or shared through a database).
 */
@FunctionalInterface
public interface Pacers {

    CallPacer pacer(String action, int rate);

    /** Budgets local to this process. */
    static Pacers local() {
        return (action, rate) -> CallPacer.local(rate);
    }
}
