package io.certrotator.simulator;

public enum ZoneStatus {
    ACTIVE, PAUSED
}
