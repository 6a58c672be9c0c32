/* test-zip.c: the zip archive of an export package, checked by Python's zipfile module
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "sot-zip.h"

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
test_zip_roundtrip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("sot-test-zip-XXXXXX", &error);
  g_autofree char *package = g_build_filename (tmp, "package", NULL);
  g_autofree char *zip = g_build_filename (tmp, "package.zip", NULL);
  g_autofree char *script = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (package, 0700), ==, 0);
  write_file (package, "cases.csv", "case_key,offence_type\r\nab12,rape\r\n");
  write_file (package, "datapackage.json", "{\"name\": \"soteria\", \"fictional\": true}\n");
  write_file (package, "empty.csv", "");

  g_assert_true (sot_zip_write_folder (package, zip, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (zip, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* An independent reader: names in order, CRCs right, contents byte for byte. */
  script = g_strdup_printf (
    "import sys, zipfile\n"
    "z = zipfile.ZipFile(sys.argv[1])\n"
    "assert z.testzip() is None\n"
    "names = z.namelist()\n"
    "assert names == ['package/cases.csv', 'package/datapackage.json', 'package/empty.csv'], names\n"
    "assert z.read('package/cases.csv') == b'case_key,offence_type\\r\\nab12,rape\\r\\n'\n"
    "assert z.read('package/empty.csv') == b''\n"
    "assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in z.infolist())\n"
    "print('ok')\n");
  {
    const char *argv[] = { "python3", "-c", script, zip, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_no_error (error);
    if (!g_spawn_check_wait_status (status, NULL))
      g_test_message ("python3: %s", err);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_cmpstr (g_strstrip (out), ==, "ok");
  }

  /* An existing archive is never overwritten. */
  g_assert_false (sot_zip_write_folder (package, zip, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST);

  remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/zip/roundtrip", test_zip_roundtrip);

  return g_test_run ();
}
