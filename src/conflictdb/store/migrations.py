"""Schema migrations, applied in order; a released migration is never edited, only followed."""

MIGRATIONS: tuple[str, ...] = (
    # 1: documents with provenance, originals, rejects, extraction output, incidents
    """
CREATE TABLE blobs (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, data BLOB NOT NULL);
CREATE TABLE documents (
    id TEXT PRIMARY KEY, text TEXT NOT NULL, sha256 TEXT NOT NULL, media_type TEXT NOT NULL,
    title TEXT, url TEXT, outlet TEXT, author TEXT, published TEXT, language TEXT, external_id TEXT,
    ingested TEXT NOT NULL);
CREATE TABLE sources (
    document_id TEXT NOT NULL REFERENCES documents(id), uri TEXT NOT NULL, retrieved TEXT NOT NULL,
    sha256 TEXT NOT NULL, media_type TEXT NOT NULL, external_id TEXT, outlet TEXT,
    UNIQUE (document_id, uri, sha256));
CREATE INDEX sources_uri ON sources (uri);
CREATE VIRTUAL TABLE documents_fts USING fts5 (title, text, content='documents', content_rowid='rowid');
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TABLE rejects (
    id TEXT PRIMARY KEY, uri TEXT NOT NULL, stage TEXT NOT NULL, reason TEXT NOT NULL, sha256 TEXT,
    created TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 1, options TEXT);
CREATE TABLE analyses (document_id TEXT PRIMARY KEY REFERENCES documents(id), sentences TEXT NOT NULL,
    extracted TEXT NOT NULL);
CREATE TABLE mentions (
    id TEXT PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id), idx INTEGER NOT NULL,
    event_type TEXT NOT NULL, sub_event_type TEXT, event_date TEXT, country TEXT, fatalities INTEGER,
    background INTEGER NOT NULL DEFAULT 0, data TEXT NOT NULL);
CREATE INDEX mentions_document ON mentions (document_id);
CREATE TABLE incidents (
    id TEXT PRIMARY KEY, event_type TEXT NOT NULL, sub_event_type TEXT, event_date TEXT, country TEXT,
    admin1 TEXT, location TEXT, latitude REAL, longitude REAL, actor1 TEXT, actor2 TEXT,
    civilian_targeting INTEGER NOT NULL DEFAULT 0, fatalities INTEGER, status TEXT, grade TEXT,
    sources INTEGER NOT NULL DEFAULT 1, data TEXT NOT NULL);
CREATE INDEX incidents_date ON incidents (event_date);
CREATE INDEX incidents_country_date ON incidents (country, event_date);
CREATE INDEX incidents_type_date ON incidents (event_type, event_date);
CREATE TABLE incident_mentions (incident_id TEXT NOT NULL, mention_id TEXT NOT NULL PRIMARY KEY);
CREATE INDEX incident_mentions_incident ON incident_mentions (incident_id)
""",
    # 2: serving indexes (conflictdb.query): every filter column leads an index ending in event_date, so a
    # filtered list comes back in date order without a sort; fatalities rides along so that the
    # aggregates by month, country, actor and event type are covering index scans.
    """
CREATE INDEX incidents_month ON incidents (substr(event_date, 1, 7), fatalities);
CREATE INDEX incidents_country_stats ON incidents (country, event_date, fatalities);
CREATE INDEX incidents_type_stats ON incidents (event_type, event_date, fatalities);
CREATE INDEX incidents_subtype ON incidents (sub_event_type, event_date);
CREATE INDEX incidents_admin1 ON incidents (admin1, event_date);
CREATE INDEX incidents_actor1 ON incidents (actor1, event_date, fatalities);
CREATE INDEX incidents_actor2 ON incidents (actor2, event_date, fatalities);
CREATE INDEX incidents_fatalities ON incidents (fatalities, event_date);
CREATE INDEX incidents_status ON incidents (status, event_date);
CREATE INDEX incidents_grade ON incidents (grade, event_date)
""",
    # 3: serving at scale (conflictdb.query). A date-ordered index holding every filter column, so a
    # page of broad filters is found without reading rows; and two rollups kept by triggers, so that
    # the dashboard's counts never scan a million rows: `incident_rollup`, incidents and fatalities
    # per month, country and event type, and `actor_rollup`, the same per actor (each side of an
    # incident once). The store writes incidents with INSERT OR REPLACE and DELETE (recursive
    # triggers off): the BEFORE INSERT trigger takes out a replaced row, whose delete fires no trigger.
    """
CREATE INDEX incidents_wide ON incidents (event_date, country, admin1, event_type, sub_event_type, actor1, actor2,
    civilian_targeting, fatalities, status, grade);
CREATE TABLE incident_rollup (
    month TEXT NOT NULL, country TEXT NOT NULL, event_type TEXT NOT NULL,
    incidents INTEGER NOT NULL, fatalities INTEGER NOT NULL,
    PRIMARY KEY (month, country, event_type)) WITHOUT ROWID;
CREATE TABLE actor_rollup (
    actor TEXT NOT NULL, month TEXT NOT NULL, country TEXT NOT NULL, event_type TEXT NOT NULL,
    incidents INTEGER NOT NULL, fatalities INTEGER NOT NULL,
    PRIMARY KEY (actor, month, country, event_type)) WITHOUT ROWID;
INSERT INTO incident_rollup
    SELECT coalesce(substr(event_date, 1, 7), ''), coalesce(country, ''), event_type, count(*),
        coalesce(sum(fatalities), 0) FROM incidents WHERE true GROUP BY 1, 2, 3;
INSERT INTO actor_rollup
    SELECT actor, month, country, event_type, sum(n), sum(f) FROM (
        SELECT actor1 AS actor, coalesce(substr(event_date, 1, 7), '') AS month, coalesce(country, '') AS country,
            event_type, count(*) AS n, coalesce(sum(fatalities), 0) AS f
        FROM incidents WHERE actor1 IS NOT NULL GROUP BY 1, 2, 3, 4
        UNION ALL
        SELECT actor2, coalesce(substr(event_date, 1, 7), ''), coalesce(country, ''), event_type, count(*),
            coalesce(sum(fatalities), 0)
        FROM incidents WHERE actor2 IS NOT NULL GROUP BY 1, 2, 3, 4)
    WHERE true GROUP BY 1, 2, 3, 4;
CREATE TRIGGER incidents_rollup_bi BEFORE INSERT ON incidents BEGIN
    UPDATE incident_rollup SET incidents = incidents - 1,
        fatalities = fatalities - (SELECT coalesce(fatalities, 0) FROM incidents WHERE id = new.id)
    WHERE (month, country, event_type) IN (
        SELECT coalesce(substr(event_date, 1, 7), ''), coalesce(country, ''), event_type FROM incidents
        WHERE id = new.id);
    UPDATE actor_rollup SET incidents = incidents - 1,
        fatalities = fatalities - (SELECT coalesce(fatalities, 0) FROM incidents WHERE id = new.id)
    WHERE (actor, month, country, event_type) IN (
        SELECT actor1, coalesce(substr(event_date, 1, 7), ''), coalesce(country, ''), event_type FROM incidents
        WHERE id = new.id
        UNION ALL
        SELECT actor2, coalesce(substr(event_date, 1, 7), ''), coalesce(country, ''), event_type FROM incidents
        WHERE id = new.id AND actor2 IS NOT actor1);
END;
CREATE TRIGGER incidents_rollup_ai AFTER INSERT ON incidents BEGIN
    INSERT INTO incident_rollup VALUES (coalesce(substr(new.event_date, 1, 7), ''), coalesce(new.country, ''),
        new.event_type, 1, coalesce(new.fatalities, 0))
        ON CONFLICT DO UPDATE SET incidents = incidents + 1, fatalities = fatalities + excluded.fatalities;
    INSERT INTO actor_rollup SELECT new.actor1, coalesce(substr(new.event_date, 1, 7), ''),
        coalesce(new.country, ''), new.event_type, 1, coalesce(new.fatalities, 0) WHERE new.actor1 IS NOT NULL
        ON CONFLICT DO UPDATE SET incidents = incidents + 1, fatalities = fatalities + excluded.fatalities;
    INSERT INTO actor_rollup SELECT new.actor2, coalesce(substr(new.event_date, 1, 7), ''),
        coalesce(new.country, ''), new.event_type, 1, coalesce(new.fatalities, 0)
        WHERE new.actor2 IS NOT NULL AND new.actor2 IS NOT new.actor1
        ON CONFLICT DO UPDATE SET incidents = incidents + 1, fatalities = fatalities + excluded.fatalities;
END;
CREATE TRIGGER incidents_rollup_ad AFTER DELETE ON incidents BEGIN
    UPDATE incident_rollup SET incidents = incidents - 1, fatalities = fatalities - coalesce(old.fatalities, 0)
    WHERE month = coalesce(substr(old.event_date, 1, 7), '') AND country = coalesce(old.country, '')
        AND event_type = old.event_type;
    UPDATE actor_rollup SET incidents = incidents - 1, fatalities = fatalities - coalesce(old.fatalities, 0)
    WHERE actor IN (old.actor1, old.actor2) AND month = coalesce(substr(old.event_date, 1, 7), '')
        AND country = coalesce(old.country, '') AND event_type = old.event_type;
END;
CREATE TRIGGER incidents_rollup_au AFTER UPDATE ON incidents BEGIN
    UPDATE incident_rollup SET incidents = incidents - 1, fatalities = fatalities - coalesce(old.fatalities, 0)
    WHERE month = coalesce(substr(old.event_date, 1, 7), '') AND country = coalesce(old.country, '')
        AND event_type = old.event_type;
    UPDATE actor_rollup SET incidents = incidents - 1, fatalities = fatalities - coalesce(old.fatalities, 0)
    WHERE actor IN (old.actor1, old.actor2) AND month = coalesce(substr(old.event_date, 1, 7), '')
        AND country = coalesce(old.country, '') AND event_type = old.event_type;
    INSERT INTO incident_rollup VALUES (coalesce(substr(new.event_date, 1, 7), ''), coalesce(new.country, ''),
        new.event_type, 1, coalesce(new.fatalities, 0))
        ON CONFLICT DO UPDATE SET incidents = incidents + 1, fatalities = fatalities + excluded.fatalities;
    INSERT INTO actor_rollup SELECT new.actor1, coalesce(substr(new.event_date, 1, 7), ''),
        coalesce(new.country, ''), new.event_type, 1, coalesce(new.fatalities, 0) WHERE new.actor1 IS NOT NULL
        ON CONFLICT DO UPDATE SET incidents = incidents + 1, fatalities = fatalities + excluded.fatalities;
    INSERT INTO actor_rollup SELECT new.actor2, coalesce(substr(new.event_date, 1, 7), ''),
        coalesce(new.country, ''), new.event_type, 1, coalesce(new.fatalities, 0)
        WHERE new.actor2 IS NOT NULL AND new.actor2 IS NOT new.actor1
        ON CONFLICT DO UPDATE SET incidents = incidents + 1, fatalities = fatalities + excluded.fatalities;
END
""",
    # 4: from a document to its incidents through indexes alone (free-text filters in conflictdb.query)
    """
CREATE INDEX mentions_document_id ON mentions (document_id, id);
CREATE INDEX incident_mentions_mention ON incident_mentions (mention_id, incident_id)
""",
    # 5: and from an incident to its documents, likewise
    """
CREATE INDEX mentions_id_document ON mentions (id, document_id);
CREATE INDEX incident_mentions_incident_mention ON incident_mentions (incident_id, mention_id)
""",
)
