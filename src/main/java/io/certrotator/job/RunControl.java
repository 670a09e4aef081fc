package io.certrotator.job;

/** Whether the run goes on, and how to stop it: what work outside the dispatcher needs of it. */
public interface RunControl {

    boolean stopped();

    void stop(String reason);
}
