package cn.qiying.knowledge.entry;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import com.redis.om.spring.repository.RedisDocumentRepository;

/** Knowledge entries by id; searching goes through the retrieval package's own queries. */
public interface KnowledgeEntryRepository extends RedisDocumentRepository<KnowledgeEntry, String> {

    Page<KnowledgeEntry> findByCategory(String category, Pageable pageable);
}
