package io.certrotator.engine;

/** Whether the run goes on, and how to stop it: what work outside the dispatcher needs of it. */
interface RunControl {

    boolean stopped();

    void stop(String reason);
}
