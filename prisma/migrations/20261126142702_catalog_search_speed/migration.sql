-- AlterTable
ALTER TABLE "service" ADD COLUMN     "classifications" "Classification"[] NOT NULL DEFAULT ARRAY[]::"Classification"[];

-- CreateIndex
CREATE INDEX "data_item_name_id_idx" ON "data_item"("name", "id");

-- CreateIndex
CREATE INDEX "service_name_id_idx" ON "service"("name", "id");

-- ---------------------------------------------------------------------------
-- Hand-written: keep service.classifications equal to the classifications of its data items,
-- whatever writes the links or reclassifies a data item (services, seed, bulk loads). Filters by
-- classification and the derived `sensitive` / `personal` flags then read one column (GIN
-- indexed) instead of joining two tables for every service.
CREATE FUNCTION refresh_service_classifications(ids text[]) RETURNS void LANGUAGE sql AS $$
  UPDATE service s SET classifications = coalesce((
    SELECT array_agg(DISTINCT d.classification ORDER BY d.classification)
    FROM service_data_item sd JOIN data_item d ON d.id = sd.data_item_id
    WHERE sd.service_id = s.id), '{}')
  WHERE s.id = ANY(ids)
$$;

CREATE FUNCTION service_links_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM refresh_service_classifications(ARRAY(SELECT DISTINCT service_id FROM new_rows));
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM refresh_service_classifications(ARRAY(SELECT DISTINCT service_id FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "service_data_item_inserted" AFTER INSERT ON "service_data_item"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION service_links_changed();
CREATE TRIGGER "service_data_item_updated" AFTER UPDATE ON "service_data_item"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION service_links_changed();
CREATE TRIGGER "service_data_item_deleted" AFTER DELETE ON "service_data_item"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION service_links_changed();

CREATE FUNCTION data_item_reclassified() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_service_classifications(ARRAY(
    SELECT DISTINCT sd.service_id FROM service_data_item sd JOIN new_rows n ON n.id = sd.data_item_id
    JOIN old_rows o ON o.id = n.id WHERE n.classification IS DISTINCT FROM o.classification));
  RETURN NULL;
END
$$;
CREATE TRIGGER "data_item_reclassified" AFTER UPDATE ON "data_item"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION data_item_reclassified();

CREATE INDEX "service_classifications_idx" ON "service" USING gin ("classifications");

-- Services that existed before this migration.
SELECT refresh_service_classifications(ARRAY(SELECT id FROM service));
