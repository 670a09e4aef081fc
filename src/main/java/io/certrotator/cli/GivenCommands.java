package io.certrotator.cli;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

import java.util.List;

/** Makes the commands as picocli does, except those handed in ready-made (a rotation signed by a test's credential). */
record GivenCommands(List<Object> commands) implements IFactory {

    static GivenCommands of(Object... commands) {
        return new GivenCommands(List.of(commands));
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        for (Object command : commands) {
            if (command.getClass() == type) {
                return type.cast(command);
            }
        }
        return CommandLine.defaultFactory().create(type);
    }
}
