package io.certrotator.cli;

/** How every command refuses a wrong command line: one line saying what is wrong, where help is, exit 2. */
final class Usage {

    private Usage() {
    }

    static int refuse(String command, UsageException e) {
        System.err.println("cert-rotator " + command + ": " + e.getMessage());
        System.err.println("see: java -jar cert-rotator.jar " + command + " --help");
        return ExitCodes.BAD_INPUT;
    }
}
