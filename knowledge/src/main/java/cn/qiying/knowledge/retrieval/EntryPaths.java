package cn.qiying.knowledge.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.json.JSONArray;
import org.json.JSONObject;

import cn.qiying.knowledge.entry.KnowledgeEntry;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.json.Path2;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** Some paths of every entry document, read page by page (SCAN, then one pipelined JSON.GET per page). */
final class EntryPaths {

    private static final String PREFIX = KnowledgeEntry.PREFIX + ":";

    private EntryPaths() {
    }

    /** Calls back with each entry's id and its paths as JSON.GET returns them ({@code {"$.question": ["…"]}}). */
    static void forEach(UnifiedJedis jedis, Path2[] paths, BiConsumer<String, JSONObject> entry) {
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams match = new ScanParams().match(PREFIX + "*").count(1000);
        do {
            ScanResult<String> page = jedis.scan(cursor, match);
            List<String> keys = page.getResult().stream().filter(k -> !k.startsWith(KnowledgeEntry.INDEX)).toList();
            List<Response<Object>> responses = new ArrayList<>(keys.size());
            try (AbstractPipeline pipeline = jedis.pipelined()) {
                for (String key : keys) {
                    responses.add(pipeline.jsonGet(key, paths));
                }
                pipeline.sync();
            }
            for (int i = 0; i < keys.size(); i++) {
                Object raw = responses.get(i).get();
                if (raw != null) {
                    entry.accept(keys.get(i).substring(PREFIX.length()), new JSONObject(raw.toString()));
                }
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    }

    /** The first value of a path, as text; null when absent. */
    static String first(JSONObject paths, String path) {
        JSONArray values = paths.optJSONArray(path);
        return values == null || values.isEmpty() || values.isNull(0) ? null : values.get(0).toString();
    }

    /** The texts of a path holding a list of texts (empty when absent). */
    static List<String> texts(JSONObject paths, String path) {
        List<String> out = new ArrayList<>();
        JSONArray values = paths.optJSONArray(path);
        if (values != null && !values.isEmpty() && values.get(0) instanceof JSONArray list) {
            for (int i = 0; i < list.length(); i++) {
                String v = list.optString(i, null);
                if (v != null) {
                    out.add(v);
                }
            }
        }
        return out;
    }
}
