package dev.sleet.runtime.fleet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs work over targets with at most {@code parallel} at once overall and {@code perHost} at once
 * per server. The dispatcher hands a worker the first queued target whose server has room, so a
 * busy server never holds up targets on idle ones.
 */
final class BoundedRunner implements AutoCloseable {
    private final int parallel;
    private final int perHost;
    private final ExecutorService workers;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition freed = lock.newCondition();
    private final Map<String, Integer> busyByHost = new HashMap<>();
    private int running;

    BoundedRunner(int parallel, int perHost) {
        this.parallel = parallel;
        this.perHost = perHost;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "sleet-fleet-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs {@code work} for each target; returns when all started ones finished. Stops starting new
     * ones once {@code halted} says so; returns the targets never started.
     */
    List<FleetTarget> run(List<FleetTarget> targets, Consumer<FleetTarget> work, BooleanSupplier halted) throws InterruptedException {
        LinkedList<FleetTarget> queue = new LinkedList<>(targets);
        Map<FleetTarget, String> hosts = new HashMap<>();
        targets.forEach(t -> hosts.put(t, t.host())); // parsed once, not on every scan of the queue
        lock.lock();
        try {
            while (!queue.isEmpty() && !halted.getAsBoolean()) {
                FleetTarget next = running < parallel ? takeStartable(queue, hosts) : null;
                if (next == null) {
                    freed.await();
                    continue;
                }
                String host = hosts.get(next);
                busyByHost.merge(host, 1, Integer::sum);
                running++;
                workers.execute(() -> {
                    try {
                        work.accept(next);
                    } finally {
                        lock.lock();
                        try {
                            busyByHost.merge(host, -1, Integer::sum);
                            running--;
                            freed.signalAll();
                        } finally {
                            lock.unlock();
                        }
                    }
                });
            }
            while (running > 0) {
                freed.await();
            }
        } finally {
            lock.unlock();
        }
        return new ArrayList<>(queue);
    }

    private FleetTarget takeStartable(LinkedList<FleetTarget> queue, Map<FleetTarget, String> hosts) {
        Iterator<FleetTarget> it = queue.iterator();
        while (it.hasNext()) {
            FleetTarget t = it.next();
            if (busyByHost.getOrDefault(hosts.get(t), 0) < perHost) {
                it.remove();
                return t;
            }
        }
        return null;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
