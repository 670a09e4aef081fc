package io.certrotator.input;

/**
 * A host listed with different targets: every row naming it is invalid, pointing at a line that wants
 * something else.
 *
 * @param firstLine          the first line naming the host
 * @param firstTarget        what that line wants
 * @param firstDifferentLine the first line wanting something else
 */
public record HostConflict(String zoneId, String host, long firstLine, Target firstTarget, long firstDifferentLine) {

    public String problemFor(Target target) {
        long other = target.equals(firstTarget) ? firstDifferentLine : firstLine;
        return "same zone and host as line " + other + " with a different target";
    }
}
