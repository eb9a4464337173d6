package nl.luisterloket.benchmarks.pipeline;

import static java.util.Objects.requireNonNull;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import nl.luisterloket.benchmarks.Quantiles;
import nl.luisterloket.benchmarks.data.ResidentHistoryGenerator;

/**
 * Drives resident messages through a {@link Pipeline} and measures, from the moment each message arrives to the
 * moment its first reply is sent: throughput and latency percentiles. At a fixed offered rate the arrival time is
 * the scheduled one, so a stall counts against every message that waited behind it (no coordinated omission); at
 * rate 0 it keeps a fixed number of messages in flight and measures the most the desk can do.
 */
public final class PipelineLoadDriver {

    /**
     * @param residents   residents to cycle through (they exist in the database, chat ids as generated)
     * @param ratePerSecond offered messages a second, or 0 for as many as the desk takes
     * @param warmupRatePerSecond the same while warming up: a desk that warms up at the measured rate builds a queue
     *                    while the JIT compilers take their share of the cores, and the measurement then shows that queue
     *                    draining (or not), not the rate it sustains once warm; after a warm-up at another rate the
     *                    measured rate runs for {@code settle} before the window opens
     * @param warmup      run before measuring (JIT, caches)
     * @param settle      after a warm-up at another rate, the last part of the warm-up run at the measured rate (at most
     *                    half the warm-up): a warm-up at rate 0 ends with a full queue (32 messages in flight, tens of
     *                    milliseconds each), and code that only a fixed rate makes hot (a sender round per message, not
     *                    per hundred) is compiled by the JIT only once that rate runs, for up to half a second a method
     * @param measurement measured run
     * @param part        a measured run longer than this also reports the p99 of each part of this length, so that a long
     *                    run shows whether the desk keeps up all along or only on average
     * @param maxInFlight messages in flight at rate 0
     * @param burst       messages offered all at once during the measured run, on top of a fixed rate: a backlog such as
     *                    a stall leaves, and how fast the desk works it off
     */
    public record Settings(int residents, double ratePerSecond, double warmupRatePerSecond, Duration warmup, Duration settle,
            Duration measurement, Duration part, int maxInFlight, Burst burst) {

        public Settings {
            if (residents < 1 || ratePerSecond < 0 || warmupRatePerSecond < 0 || maxInFlight < 1) {
                throw new IllegalArgumentException("need residents >= 1, rate >= 0, maxInFlight >= 1");
            }
            requireNonNull(warmup, "warmup is null");
            requireNonNull(settle, "settle is null");
            requireNonNull(measurement, "measurement is null");
            if (requireNonNull(part, "part is null").isNegative() || part.isZero()) {
                throw new IllegalArgumentException("a part of the measured run must last longer than 0 s");
            }
            if (requireNonNull(burst, "burst is null").messages() > 0 && (ratePerSecond == 0 || burst.at().compareTo(measurement) >= 0)) {
                throw new IllegalArgumentException("a burst needs a fixed rate and must fall within the measured run");
            }
        }

        /** Without a burst. */
        public Settings(int residents, double ratePerSecond, double warmupRatePerSecond, Duration warmup, Duration settle,
                Duration measurement, Duration part, int maxInFlight) {
            this(residents, ratePerSecond, warmupRatePerSecond, warmup, settle, measurement, part, maxInFlight, Burst.NONE);
        }
    }

    /** {@code messages} offered at once, {@code at} into the measured run (from as many residents, each waiting for one answer). */
    public record Burst(int messages, Duration at) {

        public static final Burst NONE = new Burst(0, Duration.ZERO);

        public Burst {
            if (messages < 0 || requireNonNull(at, "at is null").isNegative()) {
                throw new IllegalArgumentException("a burst needs messages >= 0 at 0 s or later");
            }
        }
    }

    /** What one run measured; latencies in milliseconds. */
    public record Result(long submitted, long answered, long measured, double seconds, double throughputPerSecond,
            double p50, double p90, double p99, double p999, double max, long persisted, long pendingAfterDrain,
            long unanswered, long failed, long heapAfterGcBytes, double cpuMillisPerMessage,
            Map<String, Double> threadCpuMillisPerMessage, double allocatedKibPerMessage, double gcMillisPerMessage,
            double behindScheduleSeconds, List<SlowMessage> slowest, List<Part> parts, BurstOutcome burst,
            Instant windowOpened) {

        public String describe() {
            return String.format(java.util.Locale.ROOT,
                    "%d messages submitted, %d answered; measured %d in %.1f s: %.0f messages/s;"
                            + " latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms;"
                            + " %d persisted, %d replies pending after drain, %d unanswered, %d failed; old generation after GC %.1f MiB;"
                            + " process CPU %.2f ms a message (%d cores: at most %.0f messages/s)",
                    submitted, answered, measured, seconds, throughputPerSecond, p50, p90, p99, p999, max, persisted,
                    pendingAfterDrain, unanswered, failed, heapAfterGcBytes / (1024.0 * 1024.0), cpuMillisPerMessage,
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().availableProcessors() * 1000 / Math.max(cpuMillisPerMessage, 1e-9))
                    + threadCpuMillisPerMessage.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                            .filter(entry -> entry.getValue() >= 0.01)
                            .map(entry -> String.format(java.util.Locale.ROOT, "%s %.2f", entry.getKey(), entry.getValue()))
                            .collect(java.util.stream.Collectors.joining(", ", "; of which threads (ms a message): ", ""))
                    + String.format(java.util.Locale.ROOT, "; allocated %.0f KiB a message; garbage collection %.2f ms a message",
                            allocatedKibPerMessage, gcMillisPerMessage)
                    + (parts.size() < 2 ? "" : eachPart(Part::p99Millis, "%.1f", "; p99 of each part: ", " ms")
                            + eachPart(Part::cpuMillisPerMessage, "%.2f", "; CPU of each part: ", " ms a message")
                            + eachPart(Part::compilationSeconds, "%.1f", "; JIT compilation in each part: ", " s"))
                    + (burst.offered() == 0 ? "" : Double.isNaN(burst.lastAnsweredSeconds())
                            ? String.format(java.util.Locale.ROOT, "; a burst of %d messages at once: NOT ALL ANSWERED", burst.offered())
                            : String.format(java.util.Locale.ROOT, "; a burst of %d messages at once: the last of them answered %.2f s after it",
                                    burst.offered(), burst.lastAnsweredSeconds()))
                    // the wall clock, to line the run up with what samplers outside the process saw
                    + "; measured window opened at " + DateTimeFormatter.ofPattern("HH:mm:ss.SSS 'UTC'")
                            .withZone(ZoneOffset.UTC).format(windowOpened)
                    + (behindScheduleSeconds < 1 ? "" : String.format(java.util.Locale.ROOT,
                            "; OVERLOADED: at the end the driver offered messages %.1f s behind their schedule (every resident"
                                    + " was waiting for an answer), so messages scheduled in the measured window were offered late or not at all",
                            behindScheduleSeconds));
        }

        private String eachPart(java.util.function.ToDoubleFunction<Part> figure, String format, String prefix, String suffix) {
            return parts.stream().map(part -> String.format(java.util.Locale.ROOT, format, figure.applyAsDouble(part)))
                    .collect(java.util.stream.Collectors.joining(", ", prefix, suffix));
        }
    }

    /**
     * One part of the measured window: the p99 of the messages that arrived in it, the CPU the process used in it per
     * message that arrived in it, and the time the JIT compilers spent in it. At a fixed rate a part whose CPU a
     * message rises with its p99 ran slower code or on a slower machine; one whose compilation time rises, the JIT.
     */
    public record Part(double p99Millis, double cpuMillisPerMessage, double compilationSeconds) {
    }

    /** How many burst messages were offered, and how long after the burst the last of them was answered (NaN: not all were). */
    public record BurstOutcome(int offered, double lastAnsweredSeconds) {

        static final BurstOutcome NONE = new BurstOutcome(0, Double.NaN);
    }

    /** A message among the slowest: when it arrived in the measured window, how long its answer took, its text. */
    public record SlowMessage(double secondsIntoMeasurement, double latencyMillis, String text) {

        public String describe() {
            String oneLine = text.replaceAll("\\s+", " ");
            return String.format(java.util.Locale.ROOT, "%6.3f s %8.2f ms %5d chars  %s", secondsIntoMeasurement, latencyMillis,
                    text.length(), oneLine.length() > 70 ? oneLine.substring(0, 70) + "…" : oneLine);
        }
    }

    private static final int SLOWEST_KEPT = 200;

    private final Settings settings;
    /** A resident's message waiting for an answer: when it arrived (nanoTime), which message of the mix it is, whether of the burst. */
    private record Waiting(long arrivalNanos, int message, boolean burst) {
    }

    private final Map<String, Waiting> inFlight = new ConcurrentHashMap<>();
    private final LatencyRecorder latencies = new LatencyRecorder();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong burstWaiting = new AtomicLong();
    private final AtomicLong lastBurstAnswer = new AtomicLong();
    private int burstOffered;
    private long burstNanos;
    /** At rate 0: free places for messages in flight; the driver blocks rather than spins, the desk has only two cores. */
    private final Semaphore slots;
    private volatile long measureFrom = Long.MAX_VALUE;
    private volatile long measureUntil = Long.MAX_VALUE;
    /** What the process had used as each part of the measured window began, and as the window closed. */
    private final List<Usage> marks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private long submittedInMeasurement;
    /** How late the last message was offered, against its scheduled arrival (nanoseconds; fixed rates only). */
    private long behindSchedule;
    /** Residents with no message waiting for an answer, the one answered longest ago first. */
    private final BlockingQueue<String> answeredResidents = new LinkedBlockingQueue<>();

    public PipelineLoadDriver(Settings settings) {
        this.settings = requireNonNull(settings, "settings is null");
        this.slots = new Semaphore(settings.maxInFlight());
        for (int resident = 0; resident < settings.residents(); resident++) {
            answeredResidents.add(ResidentHistoryGenerator.chatId(resident));
        }
    }

    public Result run(Pipeline pipeline, List<String> messages) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("no messages");
        }
        pipeline.start(this::replied);
        try {
            long persistedBefore = pipeline.persistedIncomingMessages();
            long submitted = drive(pipeline, messages);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(1_000_000);
            }
            // A message may cause more than one reply; the later ones may still be on their way.
            long pending = pipeline.pendingReplies();
            while (pending > 0 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(5_000_000);
                pending = pipeline.pendingReplies();
            }
            long persisted = pipeline.persistedIncomingMessages() - persistedBefore;
            Usage usage = marks.size() < 2 ? Usage.NONE : marks.get(marks.size() - 1).minus(marks.get(0));
            double seconds = (measureUntil - measureFrom) / 1e9;
            int measured = latencies.count();
            return new Result(submitted, answered.get(), measured, seconds, measured / seconds,
                    latencies.percentileMillis(0.50), latencies.percentileMillis(0.90), latencies.percentileMillis(0.99),
                    latencies.percentileMillis(0.999), latencies.percentileMillis(1.0), persisted, pending,
                    inFlight.size(), pipeline.failedMessages(), oldGenerationAfterGc(),
                    perMessage(usage.processCpuNanos() / 1e6), perThread(usage.threadCpuNanos()),
                    perMessage(usage.allocatedBytes() / 1024.0), perMessage(usage.gcMillis()), behindSchedule / 1e9,
                    latencies.slowest(SLOWEST_KEPT).stream().map(sample -> new SlowMessage((sample.arrivalNanos() - measureFrom) / 1e9,
                            sample.latencyNanos() / 1e6, messages.get(sample.message()))).toList(), parts(), burstOutcome(),
                    Instant.now().minusNanos(System.nanoTime() - measureFrom));
        } finally {
            pipeline.close();
        }
    }

    private BurstOutcome burstOutcome() {
        if (burstOffered == 0) {
            return BurstOutcome.NONE;
        }
        return new BurstOutcome(burstOffered, burstWaiting.get() > 0 ? Double.NaN : (lastBurstAnswer.get() - burstNanos) / 1e9);
    }

    /** The figures of each part of the measured window, from the marks taken as each began; a last, shorter part counts too. */
    private List<Part> parts() {
        List<Part> parts = new java.util.ArrayList<>();
        long part = settings.part().toNanos();
        int index = 0;
        for (long from = measureFrom; from < measureUntil && index + 1 < marks.size(); from += part, index++) {
            long[] inPart = latencies.sortedBetween(from, Math.min(from + part, measureUntil));
            Usage used = marks.get(index + 1).minus(marks.get(index));
            parts.add(new Part(Quantiles.millis(inPart, 0.99), used.processCpuNanos() / 1e6 / Math.max(1, inPart.length),
                    used.compilationMillis() / 1e3));
        }
        return parts;
    }

    private long drive(Pipeline pipeline, List<String> messages) {
        // a first look loads and runs cold code: done now, not on the schedule's thread as the window opens, where it
        // held up the messages due then (their latency counts from when they were due)
        Usage.now();
        long start = System.nanoTime();
        measureFrom = start + settings.warmup().toNanos();
        ScheduledExecutorService snapshot = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "usage-snapshot");
            thread.setDaemon(true);
            return thread;
        });
        long end = measureFrom + settings.measurement().toNanos();
        for (long partStart = measureFrom; partStart < end; partStart += settings.part().toNanos()) {
            snapshot.schedule(() -> marks.add(Usage.now()), partStart - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        snapshot.shutdown();
        burstNanos = measureFrom + settings.burst().at().toNanos();
        boolean burstDue = settings.burst().messages() > 0;
        boolean oneRate = settings.warmupRatePerSecond() == settings.ratePerSecond() || measureFrom == start;
        boolean warming = !oneRate;
        // the measured rate starts a little before the measured window, so the window does not open on the warm-up's queue
        long warmEnd = oneRate ? measureFrom : measureFrom - Math.min(settings.settle().toNanos(), settings.warmup().toNanos() / 2);
        // a fixed rate's schedule counts from the start of its phase
        long phaseStart = start;
        long inPhase = 0;
        long submitted = 0;
        long now = start;
        while (now < end) {
            long phaseEnd = warming ? warmEnd : end;
            double rate = warming ? settings.warmupRatePerSecond() : settings.ratePerSecond();
            long arrival;
            if (rate > 0) {
                arrival = phaseStart + (long) (inPhase * 1e9 / rate);
                if (arrival >= phaseEnd) {
                    if (!warming) {
                        break;
                    }
                    warming = false;
                    phaseStart = warmEnd;
                    inPhase = 0;
                    continue;
                }
                while ((now = System.nanoTime()) < arrival) {
                    LockSupport.parkNanos(arrival - now);
                }
                if (burstDue && !warming && now >= burstNanos) {
                    burstDue = false;
                    submitted += offerBurst(pipeline, messages, submitted, end);
                }
            } else {
                // a message that never gets an answer keeps its place: the run still ends on time and reports it
                if (!tryAcquireUntil(phaseEnd)) {
                    if (!warming) {
                        break;
                    }
                    warming = false;
                    phaseStart = warmEnd;
                    inPhase = 0;
                    now = System.nanoTime();
                    continue;
                }
                arrival = System.nanoTime();
            }
            // by the clock, not the schedule: a driver behind its schedule (overloaded) still measures what the desk used
            if (System.nanoTime() >= measureFrom) {
                submittedInMeasurement++;
            }
            String chatId = nextWaitingResident(end);
            if (chatId == null) {
                break;
            }
            int message = (int) (submitted % messages.size());
            inFlight.put(chatId, new Waiting(arrival, message, false));
            pipeline.submit(chatId, messages.get(message));
            submitted++;
            inPhase++;
            now = System.nanoTime();
            behindSchedule = rate > 0 ? now - arrival : 0;
        }
        measureUntil = end;
        awaitQuietly(snapshot);
        marks.add(Usage.now());
        return submitted;
    }

    /** Offers the burst's messages as fast as the desk takes them, all arriving at the burst's moment; returns how many. */
    private int offerBurst(Pipeline pipeline, List<String> messages, long submittedBefore, long end) {
        for (int index = 0; index < settings.burst().messages(); index++) {
            String chatId = nextWaitingResident(end);
            if (chatId == null) {
                break;
            }
            int message = (int) ((submittedBefore + index) % messages.size());
            burstWaiting.incrementAndGet();
            inFlight.put(chatId, new Waiting(burstNanos, message, true));
            pipeline.submit(chatId, messages.get(message));
            burstOffered++;
            submittedInMeasurement++;
        }
        return burstOffered;
    }

    /**
     * The next resident with no message waiting for an answer. A resident writes again only once answered: when every
     * resident waits, the desk is behind the offered rate, and the message waits here, its latency counted from its
     * scheduled arrival (sending a resident several at once would measure the desk's flood control instead). Null
     * when the run ends first.
     */
    private String nextWaitingResident(long end) {
        try {
            return answeredResidents.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private double perMessage(double total) {
        return total / Math.max(1, submittedInMeasurement);
    }

    private Map<String, Double> perThread(Map<String, Long> cpuNanos) {
        Map<String, Double> result = new java.util.HashMap<>();
        cpuNanos.forEach((name, cpu) -> result.put(name, perMessage(cpu / 1e6)));
        return result;
    }

    /**
     * What the process has used so far: CPU time of the whole process (desk, driver and, for the Telegram channel,
     * the fake server), CPU time of the Java threads by name with numbers left out ("prepare-1" and "prepare-2" are
     * "prepare-#"), bytes allocated by the live Java threads, and the time the collectors and the JIT compilers report.
     */
    private record Usage(long processCpuNanos, Map<String, Long> threadCpuNanos, long allocatedBytes, long gcMillis,
            long compilationMillis) {

        static final Usage NONE = new Usage(0, Map.of(), 0, 0, 0);
        private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("\\d+");

        static Usage now() {
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            // the threads themselves, not getThreadInfo: that stops every thread at a safepoint to read their states
            ThreadGroup root = Thread.currentThread().getThreadGroup();
            while (root.getParent() != null) {
                root = root.getParent();
            }
            Thread[] all = new Thread[root.activeCount() + 16];
            int count = root.enumerate(all, true);
            long[] ids = new long[count];
            Map<String, Long> byName = new java.util.HashMap<>();
            for (int index = 0; index < count; index++) {
                ids[index] = all[index].getId();
                long cpu = threads.getThreadCpuTime(ids[index]);
                if (cpu > 0) {
                    byName.merge(DIGITS.matcher(all[index].getName()).replaceAll("#"), cpu, Long::sum);
                }
            }
            long allocated = 0;
            for (long bytes : threads.getThreadAllocatedBytes(ids)) {
                allocated += Math.max(0, bytes);
            }
            long gc = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(collector -> Math.max(0, collector.getCollectionTime())).sum();
            long processCpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
            java.lang.management.CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
            long compilation = compiler != null && compiler.isCompilationTimeMonitoringSupported() ? compiler.getTotalCompilationTime() : 0;
            return new Usage(processCpu, Map.copyOf(byName), allocated, gc, compilation);
        }

        Usage minus(Usage earlier) {
            Map<String, Long> threads = new java.util.HashMap<>();
            threadCpuNanos.forEach((name, cpu) -> threads.put(name, cpu - earlier.threadCpuNanos.getOrDefault(name, 0L)));
            return new Usage(processCpuNanos - earlier.processCpuNanos, threads, allocatedBytes - earlier.allocatedBytes,
                    gcMillis - earlier.gcMillis, compilationMillis - earlier.compilationMillis);
        }
    }

    private static void awaitQuietly(ScheduledExecutorService snapshot) {
        try {
            snapshot.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean tryAcquireUntil(long deadline) {
        try {
            return slots.tryAcquire(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void replied(String chatId, long nanoTime) {
        Waiting waiting = inFlight.remove(chatId);
        if (waiting == null) {
            return;
        }
        long arrival = waiting.arrivalNanos();
        if (waiting.burst()) {
            lastBurstAnswer.accumulateAndGet(nanoTime, Math::max);
            burstWaiting.decrementAndGet();
        }
        answeredResidents.add(chatId);
        answered.incrementAndGet();
        slots.release();
        if (arrival >= measureFrom && arrival < measureUntil) {
            latencies.record(arrival, nanoTime - arrival, waiting.message());
        }
    }

    private static long oldGenerationAfterGc() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null && pool.getName().contains("Old")) {
                used = Math.max(used, pool.getCollectionUsage().getUsed());
            }
        }
        return used;
    }
}
