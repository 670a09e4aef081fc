package io.certrotator.edgeone;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DescribeZonesTest {

    @Test
    void valuesAreSplitIntoFiltersOfAtMostTwentyInTheirOrder() {
        List<String> zones = IntStream.range(0, 45).mapToObj(i -> "zone-" + i).toList();

        List<List<String>> batches = DescribeZones.batches(zones);

        assertThat(batches).extracting(List::size).containsExactly(20, 20, 5);
        assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(zones);
    }

    @Test
    void noValuesAreNoFilters() {
        assertThat(DescribeZones.batches(List.of())).isEmpty();
    }

    @Test
    void aFilterOfMoreThanTwentyValuesIsRefusedBeforeAnyCall() {
        List<String> zones = IntStream.range(0, 21).mapToObj(i -> "zone-" + i).toList();

        assertThatThrownBy(() -> new DescribeZones(DescribeZones.ZONE_ID, zones, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 20");
    }
}
