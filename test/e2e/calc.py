"""Opens a workbook in LibreOffice Calc (headless, through UNO) with its links updated, recalculates
it and prints the values of the cells named on the command line as JSON:
  python3 calc.py PROFILE_DIR WORKBOOK Sheet.A1 Sheet.B2 ...
Each cell: {"type": "VALUE"|"TEXT"|"FORMULA"|"EMPTY", "value": number, "text": string, "error": int}.
The profile directory holds the locale (registrymodifications.xcu, written by the caller)."""
import json
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


profile, workbook, port, *cells = sys.argv[1:]
office = subprocess.Popen(
    ['soffice', f'-env:UserInstallation=file://{profile}', '--headless', '--invisible',
     '--norestore', f'--accept=socket,host=127.0.0.1,port={port};urp;'],
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    context = None
    for _ in range(240):
        try:
            context = resolver.resolve(f'uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext')
            break
        except Exception:
            time.sleep(0.25)
    if context is None:
        sys.exit('LibreOffice did not start')
    desktop = context.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', context)
    # UpdateDocMode 3 (FULL_UPDATE): update WEBSERVICE and sheet links as the workbook asks.
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(workbook), '_blank', 0,
                                       (prop('Hidden', True), prop('UpdateDocMode', 3)))
    doc.calculateAll()
    values = {}
    for name in cells:
        sheet, ref = name.split('.')
        cell = doc.Sheets.getByName(sheet).getCellRangeByName(ref)
        values[name] = {'type': cell.getType().value, 'value': cell.getValue(),
                        'text': cell.getString(), 'error': cell.getError()}
    doc.close(True)
    print(json.dumps(values))
    try:
        desktop.terminate()
    except Exception:
        pass
    office.wait(timeout=60)
finally:
    if office.poll() is None:
        office.kill()
