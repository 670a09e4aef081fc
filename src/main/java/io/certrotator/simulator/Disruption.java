package io.certrotator.simulator;

/** What a fault does to one admitted call instead of executing it. */
sealed interface Disruption {
    Disruption NONE = new None();

    record None() implements Disruption {
    }

    record Hang() implements Disruption {
    }

    record Drop() implements Disruption {
    }

    record BadGateway() implements Disruption {
    }

    record Garbage(BadBody kind) implements Disruption {
    }

    record TransientError(String code) implements Disruption {
    }
}
