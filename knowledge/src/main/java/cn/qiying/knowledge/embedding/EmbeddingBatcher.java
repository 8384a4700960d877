package cn.qiying.knowledge.embedding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Gathers the texts that threads want embedded at the same moment into one model run. A worker takes the first waiting
 * text, then whatever else is already waiting (up to the batch size), waiting at most {@code wait} for more; under load
 * texts pile up while the workers run, so batches form without any wait at all. The queue is bounded: when it is full
 * the caller embeds its text alone rather than wait behind a backlog.
 */
final class EmbeddingBatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingBatcher.class);

    private record Pending(String text, long queuedAt, CompletableFuture<float[]> vector) {
    }

    private final Function<List<String>, List<float[]>> model;
    private final int batchSize;
    private final long waitNanos;
    private final BlockingQueue<Pending> queue;
    private final List<Thread> workers = new ArrayList<>();
    private final Timer queued;
    private final Timer runs;
    private final DistributionSummary sizes;
    private volatile boolean closed;

    EmbeddingBatcher(Function<List<String>, List<float[]>> model, int batchSize, Duration wait, int workerCount,
            MeterRegistry meters) {
        this.model = model;
        this.batchSize = Math.max(1, batchSize);
        this.waitNanos = Math.max(0, wait.toNanos());
        this.queue = new LinkedBlockingQueue<>(this.batchSize * Math.max(1, workerCount) * 64);
        this.queued = Timer.builder("qiying.embedding.queue").description("time a text waited for a model run")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.runs = Timer.builder("qiying.embedding.run").description("the model run a text was embedded in (its whole batch)")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.sizes = DistributionSummary.builder("qiying.embedding.batch").description("texts per model run")
                .publishPercentiles(0.5, 0.99).register(meters);
        for (int i = 0; i < Math.max(1, workerCount); i++) {
            Thread worker = new Thread(this::work, "embedding-" + (i + 1));
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    float[] embed(String text) {
        Pending pending = new Pending(text, System.nanoTime(), new CompletableFuture<>());
        if (closed || !queue.offer(pending)) {
            return runTimed(List.of(text)).get(0);
        }
        try {
            return pending.vector().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an embedding", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void work() {
        List<Pending> batch = new ArrayList<>(batchSize);
        while (!closed) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - batch.size());
                long deadline = first.queuedAt() + waitNanos;
                while (batch.size() < batchSize && waitNanos > 0) {
                    long left = deadline - System.nanoTime();
                    Pending next = left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    queue.drainTo(batch, batchSize - batch.size());
                }
                answer(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                log.error("an embedding batch of {} failed", batch.size(), e);
                batch.forEach(p -> p.vector().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
        // never strand a caller: what is left is embedded on its own thread by embed()'s fallback
        Pending left;
        while ((left = queue.poll()) != null) {
            left.vector().completeExceptionally(new IllegalStateException("embedding stopped"));
        }
    }

    private void answer(List<Pending> batch) {
        long now = System.nanoTime();
        for (Pending p : batch) {
            queued.record(now - p.queuedAt(), TimeUnit.NANOSECONDS);
        }
        List<float[]> vectors = runTimed(batch.stream().map(Pending::text).toList());
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).vector().complete(vectors.get(i));
        }
    }

    private List<float[]> runTimed(List<String> texts) {
        long start = System.nanoTime();
        List<float[]> vectors = model.apply(texts);
        long took = System.nanoTime() - start;
        // once per text: the distribution is what each question waited for, comparable with the queue's
        for (int i = 0; i < texts.size(); i++) {
            runs.record(took, TimeUnit.NANOSECONDS);
        }
        sizes.record(texts.size());
        return vectors;
    }

    @Override
    public void close() {
        closed = true;
        workers.forEach(Thread::interrupt);
    }
}
