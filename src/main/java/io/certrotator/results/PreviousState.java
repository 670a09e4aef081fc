package io.certrotator.results;

/**
 * What a row's host carried when the live state was read, before the row changed it: its mode and its certificate
 * IDs as the report's {@code cert_ids} writes them ({@code cert-a;cert-b}, empty for none).
 */
public record PreviousState(long line, String mode, String certIds) {
}
