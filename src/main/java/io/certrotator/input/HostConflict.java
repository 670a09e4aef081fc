package io.certrotator.input;

/**
 * A host listed with different targets: every row naming it is invalid, pointing at a line that wants
 * something else.
 *
 * @param firstLine          the first line naming the host
 * @param firstTargetKey     what that line wants
 * @param firstDifferentLine the first line wanting something else
 */
public record HostConflict(String zoneId, String host, long firstLine, String firstTargetKey, long firstDifferentLine) {

    public String problemFor(String targetKey) {
        long other = targetKey.equals(firstTargetKey) ? firstDifferentLine : firstLine;
        return "same zone and host as line " + other + " with a different target";
    }
}
