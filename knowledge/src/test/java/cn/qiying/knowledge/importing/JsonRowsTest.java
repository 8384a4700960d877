package cn.qiying.knowledge.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class JsonRowsTest {

    @Test
    void anArrayReportsEachEntryAtItsFirstLine() {
        List<ParsedRow> rows = JsonRows.array("""
                [
                  {"id": "a", "question": "问", "answer": "答"},
                  {"id": "b",
                   "question": "",
                   "answer": "答"}
                ]""");

        assertThat(rows).extracting(ParsedRow::line).containsExactly(2, 3);
        assertThat(rows.get(0).ok()).as(rows.get(0).toString()).isTrue();
        assertThat(rows.get(1).problems()).containsExactly("knowledge.import.question-missing");
    }
}
