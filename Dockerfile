# Build stage: compile and package the runnable jar with Maven on JDK 17.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY knowledge-base/pom.xml knowledge-base/
COPY bot/pom.xml bot/
RUN mvn -B -q dependency:go-offline -DexcludeReactor=true || true
COPY knowledge-base knowledge-base
COPY bot bot
RUN mvn -B -q -DskipTests package

# Run stage: JRE 17 as a non-root user; the database lives on the /data volume, configuration in /config.
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app luisterloket \
    && mkdir -p /app /data /config && chown luisterloket /data
WORKDIR /app
COPY --from=build /src/bot/target/luisterloket.jar /app/luisterloket.jar
COPY config /config
COPY knowledge-base/sample /app/knowledge-base/sample
# Class data sharing: one chat on the sample knowledge base records the classes the desk loads, so every start of
# the container maps them in instead of loading them from the jar (about a second less to the first answer).
RUN printf 'hallo\nik heb schulden\n' | LUISTERLOKET_DATA_DIRECTORY=/tmp/cds-training \
        java -XX:ArchiveClassesAtExit=/app/luisterloket.jsa -Xlog:cds=off -Xlog:cds+dynamic=off \
        -jar /app/luisterloket.jar chat --config /config/luisterloket.yml > /dev/null \
    && rm -rf /tmp/cds-training && chmod 444 /app/luisterloket.jsa
ENV LUISTERLOKET_DATA_DIRECTORY=/data \
    LUISTERLOKET_MATCHING_CONFIG_DIRECTORY=/config \
    JAVA_OPTS="-Xmx256m"
VOLUME ["/data"]
EXPOSE 8080
USER luisterloket
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/health || exit 1
ENTRYPOINT ["sh", "-c", "exec java -XX:SharedArchiveFile=/app/luisterloket.jsa -Xlog:cds=off -Xlog:cds+dynamic=off $JAVA_OPTS -jar /app/luisterloket.jar \"$@\"", "--"]
CMD ["run", "--config", "/config/luisterloket.yml"]
