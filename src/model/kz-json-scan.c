/* kz-json-scan.c — one fast pass over a JSON document before json-glib sees it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A strict JSON syntax check (RFC 8259) as a state machine over the bytes, with an explicit
 * stack, so that json-glib only ever parses well-formed input within our limits. It exists
 * because json-glib 1.6 recurses once per nesting level (deep input overflows the stack),
 * accepts a second document after the first, wraps integers beyond 64 bits, lets invalid
 * UTF-8 through, and builds a whole tree before anything else can happen. The scan also
 * finds each element of the top-level "events" array, so the loader can hand json-glib one
 * event at a time, on several cores, and free each tree at once.
 */
#define G_LOG_DOMAIN "kz-json-scan"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kz-dataset-loader.h"
#include "kz-json-scan.h"

typedef enum {
  EXPECT_VALUE,              /* the root, after ':' or after ',' in an array */
  EXPECT_VALUE_OR_CLOSE,     /* just after '[' */
  EXPECT_KEY_OR_CLOSE,       /* just after '{' */
  EXPECT_KEY,                /* after ',' in an object */
  EXPECT_COLON,
  EXPECT_COMMA_OR_CLOSE,
  EXPECT_END,                /* the root value is complete */
} State;

#define MAX_STACK 256

typedef struct
{
  const char *data;
  gsize       len;
  gsize       pos;
  KzJsonScan *scan;

  char        stack[MAX_STACK];   /* '{' or '[' per open container */
  guint       depth;
  guint       max_depth;

  gboolean    key_is_events;      /* the last key read in the root object was "events" */
  gboolean    in_events;          /* the root's "events" array is open (depth 2) */
  gboolean    events_seen;
  gsize       element_start;
} Scanner;

static gboolean
fail (Scanner    *scanner,
      int         code,
      gsize       offset,
      char       *message)
{
  scanner->scan->error_code = code;
  scanner->scan->error_offset = offset;
  scanner->scan->error_message = message;
  return FALSE;
}

static gboolean
fail_unexpected (Scanner    *scanner,
                 const char *expected)
{
  if (scanner->pos >= scanner->len)
    return fail (scanner, KZ_DATASET_ERROR_SYNTAX, scanner->len,
                 /* Translators: %s says what was expected, e.g. “a value” */
                 g_strdup_printf (_("the file ends where %s should be; it may be cut short"), expected));

  return fail (scanner, KZ_DATASET_ERROR_SYNTAX, scanner->pos,
               /* Translators: the first %s is what was expected, the second a character */
               g_strdup_printf (_("expected %s, found “%.*s”"), expected,
                                (int) (g_utf8_next_char (scanner->data + scanner->pos) -
                                       (scanner->data + scanner->pos)),
                                scanner->data + scanner->pos));
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static gboolean
scan_string (Scanner *scanner)
{
  const char *data = scanner->data;
  gsize start = scanner->pos;
  gsize i = start + 1;

  while (i < scanner->len)
    {
      guchar c = data[i];

      if (c == '"')
        {
          scanner->pos = i + 1;
          return TRUE;
        }
      if (c < 0x20)
        {
          scanner->pos = i;
          return fail (scanner, KZ_DATASET_ERROR_SYNTAX, i,
                       g_strdup (_("a line break or control character inside a string; write it as an escape such as \\n")));
        }
      if (c == '\\')
        {
          if (i + 1 >= scanner->len)
            break;
          switch (data[i + 1])
            {
            case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
              i += 2;
              continue;
            case 'u':
              for (guint k = 2; k < 6; k++)
                if (i + k >= scanner->len || !g_ascii_isxdigit (data[i + k]))
                  return fail (scanner, KZ_DATASET_ERROR_SYNTAX, i,
                               g_strdup (_("a \\u escape needs four hexadecimal digits")));
              /* json-glib would turn \u0000 into a C string that ends early. */
              if (strncmp (data + i + 2, "0000", 4) == 0)
                return fail (scanner, KZ_DATASET_ERROR_ENCODING, i,
                             g_strdup (_("a string contains a NUL character (\\u0000)")));
              i += 6;
              continue;
            default:
              /* The escaped character may be any UTF-8 sequence: quote it whole. */
              return fail (scanner, KZ_DATASET_ERROR_SYNTAX, i,
                           g_strdup_printf (_("“\\%.*s” is not an escape JSON knows"),
                                            (int) (g_utf8_next_char (data + i + 1) - (data + i + 1)),
                                            data + i + 1));
            }
        }
      i++;
    }

  return fail (scanner, KZ_DATASET_ERROR_SYNTAX, start,
               g_strdup (_("this string is never closed with a double quote")));
}

static gboolean
scan_number (Scanner *scanner)
{
  const char *data = scanner->data;
  gsize i = scanner->pos, start = scanner->pos, digits = 0;
  gboolean integer = TRUE;

  if (data[i] == '-')
    i++;
  if (i < scanner->len && data[i] == '0')
    {
      i++;
      digits++;
    }
  else if (i < scanner->len && data[i] >= '1' && data[i] <= '9')
    for (; i < scanner->len && g_ascii_isdigit (data[i]); i++)
      digits++;
  else
    goto malformed;

  if (i < scanner->len && data[i] == '.')
    {
      integer = FALSE;
      if (++i >= scanner->len || !g_ascii_isdigit (data[i]))
        goto malformed;
      while (i < scanner->len && g_ascii_isdigit (data[i]))
        i++;
    }
  if (i < scanner->len && (data[i] == 'e' || data[i] == 'E'))
    {
      integer = FALSE;
      i++;
      if (i < scanner->len && (data[i] == '+' || data[i] == '-'))
        i++;
      if (i >= scanner->len || !g_ascii_isdigit (data[i]))
        goto malformed;
      while (i < scanner->len && g_ascii_isdigit (data[i]))
        i++;
    }

  /* json-glib wraps integers beyond 64 bits around without a word. */
  if (integer && digits > 18)
    return fail (scanner, KZ_DATASET_ERROR_SYNTAX, start,
                 g_strdup_printf (_("the number %.*s is too large"),
                                  (int) MIN (i - start, 40), data + start));

  scanner->pos = i;
  return TRUE;

malformed:
  scanner->pos = start;
  return fail (scanner, KZ_DATASET_ERROR_SYNTAX, start, g_strdup (_("a malformed number")));
}

static gboolean
scan_literal (Scanner *scanner)
{
  static const char * const literals[] = { "true", "false", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize n = strlen (literals[i]);

      if (scanner->len - scanner->pos >= n && memcmp (scanner->data + scanner->pos, literals[i], n) == 0)
        {
          scanner->pos += n;
          return TRUE;
        }
    }

  return fail_unexpected (scanner, _("a value"));
}

static State
after_value (Scanner *scanner,
             gsize    value_start)
{
  /* An element of the root's "events" array just ended. */
  if (scanner->in_events && scanner->depth == 2)
    {
      KzJsonSlice slice = { value_start, scanner->pos - value_start };

      g_array_append_val (scanner->scan->events, slice);
    }

  if (scanner->depth == 0)
    return EXPECT_END;
  return EXPECT_COMMA_OR_CLOSE;
}

static gboolean
open_container (Scanner *scanner,
                char     c)
{
  if (scanner->depth >= scanner->max_depth || scanner->depth >= MAX_STACK)
    return fail (scanner, KZ_DATASET_ERROR_SYNTAX, scanner->pos,
                 g_strdup_printf (_("values are nested more than %u levels deep"), scanner->max_depth));

  /* The root object's "events" member opens its array. */
  if (c == '[' && scanner->depth == 1 && scanner->stack[0] == '{' && scanner->key_is_events)
    {
      if (scanner->events_seen)
        scanner->scan->has_events = FALSE;   /* a second "events": json-glib keeps the last */
      else
        {
          scanner->in_events = TRUE;
          scanner->scan->has_events = TRUE;
          scanner->scan->events_open = scanner->pos;
        }
      scanner->events_seen = TRUE;
    }

  scanner->stack[scanner->depth++] = c;
  scanner->pos++;
  return TRUE;
}

/**
 * kz_json_scan:
 * @max_depth: how deeply containers may nest
 *
 * Returns: %TRUE when @data is one well-formed JSON document, in UTF-8 without NUL, nested
 *   no deeper than @max_depth, with no integer beyond 64 bits; otherwise %FALSE with
 *   scan->error_* saying where and what.
 */
gboolean
kz_json_scan (const char *data,
              gsize       len,
              guint       max_depth,
              KzJsonScan *scan)
{
  Scanner scanner = { data, len, 0, scan };
  State state = EXPECT_VALUE;
  /* Where each open container's value began, to slice events that are containers. */
  gsize starts[MAX_STACK];
  const char *end = NULL;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (scan != NULL, FALSE);

  memset (scan, 0, sizeof *scan);
  scan->error_code = -1;
  scan->events = g_array_new (FALSE, FALSE, sizeof (KzJsonSlice));
  scanner.max_depth = max_depth;

  if (!g_utf8_validate_len (data, len, &end))
    {
      gsize offset = end - data;

      if (data[offset] == '\0')
        return fail (&scanner, KZ_DATASET_ERROR_ENCODING, offset,
                     g_strdup (_("the file contains a NUL byte; datasets are UTF-8 text")));
      return fail (&scanner, KZ_DATASET_ERROR_ENCODING, offset,
                   g_strdup (_("the file is not valid UTF-8 text; save it with UTF-8 encoding")));
    }

  while (scanner.pos < len && is_space (data[scanner.pos]))
    scanner.pos++;
  if (scanner.pos == len)
    return fail (&scanner, KZ_DATASET_ERROR_SYNTAX, KZ_JSON_SCAN_NO_OFFSET,
                 g_strdup (_("the file is empty; a dataset is a JSON object")));

  for (;;)
    {
      gsize value_start;
      char c;

      while (scanner.pos < len && is_space (data[scanner.pos]))
        scanner.pos++;

      if (scanner.pos >= len)
        {
          if (state == EXPECT_END)
            break;
          return fail_unexpected (&scanner, scanner.depth > 0 && scanner.stack[scanner.depth - 1] == '{'
                                              ? _("“}”") : _("“]”"));
        }

      c = data[scanner.pos];
      value_start = scanner.pos;

      switch (state)
        {
        case EXPECT_END:
          return fail (&scanner, KZ_DATASET_ERROR_SYNTAX, scanner.pos,
                       g_strdup (_("unexpected content after the end of the JSON document")));

        case EXPECT_KEY_OR_CLOSE:
        case EXPECT_KEY:
          if (c == '}' && state == EXPECT_KEY_OR_CLOSE)
            goto close;
          if (c == '}')
            return fail (&scanner, KZ_DATASET_ERROR_SYNTAX, scanner.pos,
                         g_strdup (_("a comma before “}” leaves a member missing; remove the comma")));
          if (c != '"')
            return fail_unexpected (&scanner, _("a member name in double quotes"));
          if (!scan_string (&scanner))
            return FALSE;
          if (scanner.depth == 1)
            scanner.key_is_events = scanner.pos - value_start == 8 &&
                                    memcmp (data + value_start, "\"events\"", 8) == 0;
          state = EXPECT_COLON;
          continue;

        case EXPECT_COLON:
          if (c != ':')
            return fail_unexpected (&scanner, _("“:” after the member name"));
          scanner.pos++;
          state = EXPECT_VALUE;
          continue;

        case EXPECT_COMMA_OR_CLOSE:
          if (c == ',')
            {
              scanner.pos++;
              state = scanner.stack[scanner.depth - 1] == '{' ? EXPECT_KEY : EXPECT_VALUE;
              /* A trailing comma in an array is caught as a missing value below. */
              continue;
            }
          if ((c == '}' && scanner.stack[scanner.depth - 1] == '{') ||
              (c == ']' && scanner.stack[scanner.depth - 1] == '['))
            goto close;
          return fail_unexpected (&scanner, scanner.stack[scanner.depth - 1] == '{'
                                              ? _("“,” or “}”") : _("“,” or “]”"));

        case EXPECT_VALUE_OR_CLOSE:
          if (c == ']')
            goto close;
          G_GNUC_FALLTHROUGH;
        case EXPECT_VALUE:
        default:
          if (c == '{' || c == '[')
            {
              starts[scanner.depth] = scanner.pos;
              if (!open_container (&scanner, c))
                return FALSE;
              state = c == '{' ? EXPECT_KEY_OR_CLOSE : EXPECT_VALUE_OR_CLOSE;
              continue;
            }
          if (c == ']' && scanner.depth > 0 && scanner.stack[scanner.depth - 1] == '[')
            return fail (&scanner, KZ_DATASET_ERROR_SYNTAX, scanner.pos,
                         g_strdup (_("a comma before “]” leaves an element missing; remove the comma")));
          if (c == '"')
            {
              if (!scan_string (&scanner))
                return FALSE;
            }
          else if (c == '-' || g_ascii_isdigit (c))
            {
              if (!scan_number (&scanner))
                return FALSE;
            }
          else if (!scan_literal (&scanner))
            return FALSE;
          state = after_value (&scanner, value_start);
          continue;
        }

    close:
      scanner.depth--;
      scanner.pos++;
      if (scanner.in_events && scanner.depth == 1)
        {
          scanner.in_events = FALSE;
          scan->events_close = scanner.pos - 1;
        }
      state = after_value (&scanner, starts[scanner.depth]);
    }

  return TRUE;
}

void
kz_json_scan_clear (KzJsonScan *scan)
{
  g_clear_pointer (&scan->error_message, g_free);
  g_clear_pointer (&scan->events, g_array_unref);
}
