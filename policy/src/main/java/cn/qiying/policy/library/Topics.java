package cn.qiying.policy.library;

import java.util.List;

import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import cn.qiying.policy.DataFile;

/** The topics policies are filed under and users subscribe to (data: {@code policy/topics.yml}). */
@Component
public class Topics {

    private final List<String> topics;

    Topics(ResourceLoader loader) {
        this.topics = DataFile.strings(DataFile.read(loader, "classpath:policy/topics.yml"), "topics").stream()
                .map(String::strip).distinct().toList();
    }

    public List<String> all() {
        return topics;
    }

    public boolean contains(String topic) {
        return topics.contains(topic);
    }
}
