package cn.qiying.app.probe;

import java.util.List;

import com.redis.om.spring.repository.RedisDocumentRepository;

public interface ProbeNoticeRepository extends RedisDocumentRepository<ProbeNotice, String> {

    List<ProbeNotice> searchByTitle(String text);

    List<ProbeNotice> findByDaysBetween(int from, int to);
}
