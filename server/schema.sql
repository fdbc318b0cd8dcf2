-- The central land database: PostgreSQL + PostGIS. Applied once by server/db.py (schema 2;
-- server/migrations.py brings older databases up to date).
--
-- The domain tables mirror the working copy (cadastre_plugin/core/sync/tables.py), keyed by
-- uuid or by natural key for link tables, plus what only the server knows: the row's commune
-- (district scope), its version (optimistic concurrency), and the revision and change set
-- that last wrote it. Geometries keep the commune's own VN-2000 TM-3 CRS as a per-row SRID
-- (a merged province spans several zones), so the column has no SRID type modifier.

CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE server_meta (key text PRIMARY KEY, value text NOT NULL);

-- One revision per applied change set; pull pages through change_log by (revision, seq).
CREATE SEQUENCE revision_seq;

CREATE TABLE communes (
  code text PRIMARY KEY, name text NOT NULL, district_code text NOT NULL, district_name text,
  province_code text, province_name text, crs_epsg integer NOT NULL);
CREATE INDEX communes_district ON communes (district_code);

CREATE TABLE map_sheets (
  commune_code text NOT NULL REFERENCES communes (code), sheet_no integer NOT NULL,
  grid_number text, scale integer, crs_epsg integer NOT NULL, geom geometry(Polygon),
  PRIMARY KEY (commune_code, sheet_no));

CREATE TABLE parcels (
  uuid text PRIMARY KEY, commune_code text NOT NULL REFERENCES communes (code),
  sheet_no integer NOT NULL, parcel_no integer NOT NULL, area double precision,
  legal_area double precision, landuse text, address text, status text NOT NULL,
  valid_from text, valid_to text, old_sheet_no integer, old_parcel_no integer,
  geom geometry(Polygon),
  version integer NOT NULL DEFAULT 1, revision bigint NOT NULL, changeset_uuid uuid);
CREATE INDEX parcels_geom ON parcels USING gist (geom);
CREATE INDEX parcels_number ON parcels (commune_code, sheet_no, parcel_no);

-- Every superseded or deleted parcel version, never updated nor deleted.
CREATE TABLE parcel_versions (
  id bigserial PRIMARY KEY, uuid text NOT NULL, version integer NOT NULL,
  commune_code text NOT NULL, sheet_no integer, parcel_no integer, area double precision,
  legal_area double precision, landuse text, address text, status text, valid_from text,
  valid_to text, old_sheet_no integer, old_parcel_no integer, geom geometry(Polygon),
  revision bigint, changeset_uuid uuid, superseded_revision bigint,
  superseded_at timestamptz NOT NULL DEFAULT now(), transaction_uuid text);
CREATE INDEX parcel_versions_uuid ON parcel_versions (uuid, version);

CREATE TABLE parties (
  uuid text PRIMARY KEY, kind text NOT NULL, name text NOT NULL, birth_year integer,
  citizen_id text, tax_code text, user_type text, address text, members text,
  commune_code text NOT NULL, version integer NOT NULL DEFAULT 1, revision bigint NOT NULL,
  changeset_uuid uuid);

CREATE TABLE rights (
  uuid text PRIMARY KEY, parcel_uuid text NOT NULL, kind text NOT NULL, landuse text,
  term_end text, valid_from text, valid_to text, transaction_uuid text,
  commune_code text NOT NULL, version integer NOT NULL DEFAULT 1, revision bigint NOT NULL,
  changeset_uuid uuid);
CREATE INDEX rights_parcel ON rights (parcel_uuid);

CREATE TABLE right_shares (
  right_uuid text NOT NULL, party_uuid text NOT NULL, share text NOT NULL,
  commune_code text NOT NULL, version integer NOT NULL DEFAULT 1, revision bigint NOT NULL,
  changeset_uuid uuid, PRIMARY KEY (right_uuid, party_uuid));

CREATE TABLE restrictions (
  uuid text PRIMARY KEY, parcel_uuid text NOT NULL, kind text NOT NULL, creditor_uuid text,
  registered_on text, released_on text, note text, transaction_uuid text,
  commune_code text NOT NULL, version integer NOT NULL DEFAULT 1, revision bigint NOT NULL,
  changeset_uuid uuid);

CREATE TABLE certificates (
  uuid text PRIMARY KEY, serial text NOT NULL, entry_no text, issue_date text, authority text,
  status text NOT NULL, transaction_uuid text,
  commune_code text NOT NULL, version integer NOT NULL DEFAULT 1, revision bigint NOT NULL,
  changeset_uuid uuid);

CREATE TABLE certificate_parcels (
  certificate_uuid text NOT NULL, parcel_uuid text NOT NULL,
  commune_code text NOT NULL, version integer NOT NULL DEFAULT 1, revision bigint NOT NULL,
  changeset_uuid uuid, PRIMARY KEY (certificate_uuid, parcel_uuid));

CREATE TABLE transactions (
  uuid text PRIMARY KEY, type_code text NOT NULL, dossier_no text, document_date text,
  authority text, recorded_by text, recorded_at text NOT NULL, note text,
  approval text NOT NULL DEFAULT 'submitted'
    CHECK (approval IN ('submitted', 'approved', 'rejected')),
  approved_by text, approved_at text, rejection_reason text,
  commune_code text NOT NULL, version integer NOT NULL DEFAULT 1, revision bigint NOT NULL,
  changeset_uuid uuid);

CREATE TABLE transaction_parcels (
  transaction_uuid text NOT NULL, parcel_uuid text NOT NULL, role text NOT NULL,
  commune_code text NOT NULL, version integer NOT NULL DEFAULT 1, revision bigint NOT NULL,
  changeset_uuid uuid, PRIMARY KEY (transaction_uuid, parcel_uuid, role));

CREATE TABLE parcel_lineage (
  parent_uuid text NOT NULL, child_uuid text NOT NULL, transaction_uuid text,
  created_at text NOT NULL,
  commune_code text NOT NULL, version integer NOT NULL DEFAULT 1, revision bigint NOT NULL,
  changeset_uuid uuid, PRIMARY KEY (parent_uuid, child_uuid));

-- Append-only: what changed at each revision, for pull. Rows are read back as the current
-- state of the row (or a tombstone), so a pull never needs the history tables.
CREATE TABLE change_log (
  commune_code text NOT NULL, revision bigint NOT NULL, seq integer NOT NULL,
  table_name text NOT NULL, key jsonb NOT NULL, action text NOT NULL,
  PRIMARY KEY (commune_code, revision, seq));

-- Applied change sets and the answer they got, for idempotent retries.
CREATE TABLE changesets (
  uuid uuid PRIMARY KEY, body_sha256 text NOT NULL, commune_code text NOT NULL,
  token_id integer, received_at timestamptz NOT NULL DEFAULT now(), revision bigint,
  response jsonb);

CREATE TABLE tokens (
  id serial PRIMARY KEY, name text NOT NULL, token_hash text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('surveyor', 'officer', 'reader')),
  districts text[] NOT NULL, created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz, revoked_at timestamptz);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT clock_timestamp(),
  token_id integer, token_name text, role text, action text NOT NULL, outcome text NOT NULL,
  status integer, changeset_uuid uuid, commune_code text, revision bigint, remote_addr text,
  detail jsonb);

CREATE TABLE transaction_rights (
  transaction_uuid text NOT NULL, right_uuid text NOT NULL, role text NOT NULL,
  commune_code text NOT NULL, version integer NOT NULL DEFAULT 1, revision bigint NOT NULL,
  changeset_uuid uuid, PRIMARY KEY (transaction_uuid, right_uuid, role));

CREATE TABLE transaction_restrictions (
  transaction_uuid text NOT NULL, restriction_uuid text NOT NULL, role text NOT NULL,
  commune_code text NOT NULL, version integer NOT NULL DEFAULT 1, revision bigint NOT NULL,
  changeset_uuid uuid, PRIMARY KEY (transaction_uuid, restriction_uuid, role));

CREATE TABLE transaction_certificates (
  transaction_uuid text NOT NULL, certificate_uuid text NOT NULL, role text NOT NULL,
  commune_code text NOT NULL, version integer NOT NULL DEFAULT 1, revision bigint NOT NULL,
  changeset_uuid uuid, PRIMARY KEY (transaction_uuid, certificate_uuid, role));

CREATE TABLE transaction_parties (
  transaction_uuid text NOT NULL, party_uuid text NOT NULL, role text NOT NULL, previous text,
  commune_code text NOT NULL, version integer NOT NULL DEFAULT 1, revision bigint NOT NULL,
  changeset_uuid uuid, PRIMARY KEY (transaction_uuid, party_uuid, role));

-- Metadata rows of scanned documents (the bytes are in document_blobs, by the same checksum).
CREATE TABLE documents (
  sha256 text PRIMARY KEY, size integer NOT NULL, media_type text NOT NULL, original_name text,
  added_at text NOT NULL,
  commune_code text NOT NULL, version integer NOT NULL DEFAULT 1, revision bigint NOT NULL,
  changeset_uuid uuid);

CREATE TABLE transaction_documents (
  transaction_uuid text NOT NULL, sha256 text NOT NULL, role text NOT NULL,
  commune_code text NOT NULL, version integer NOT NULL DEFAULT 1, revision bigint NOT NULL,
  changeset_uuid uuid, PRIMARY KEY (transaction_uuid, sha256));

CREATE TABLE external_ids (
  object_table text NOT NULL, object_uuid text NOT NULL, source text NOT NULL,
  external_id text NOT NULL, label text,
  commune_code text NOT NULL, version integer NOT NULL DEFAULT 1, revision bigint NOT NULL,
  changeset_uuid uuid, PRIMARY KEY (object_table, object_uuid, source));

-- Scanned documents' bytes by checksum, in the database so any worker can serve any chunk.
CREATE TABLE document_blobs (
  sha256 text PRIMARY KEY, size bigint NOT NULL, received bigint NOT NULL DEFAULT 0,
  complete boolean NOT NULL DEFAULT false, content_type text,
  created_at timestamptz NOT NULL DEFAULT now(), token_id integer);
CREATE TABLE document_chunks (
  sha256 text NOT NULL REFERENCES document_blobs (sha256) ON DELETE CASCADE,
  "offset" bigint NOT NULL,
  data bytea NOT NULL, PRIMARY KEY (sha256, "offset"));

CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
CREATE TRIGGER parcel_versions_append_only BEFORE UPDATE OR DELETE ON parcel_versions
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER change_log_append_only BEFORE UPDATE OR DELETE ON change_log
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

INSERT INTO server_meta VALUES ('schema_version', '2');
