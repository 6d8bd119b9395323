"""Saves a workbook as a password-protected .xls (password: secret) with LibreOffice Calc, through UNO: make_encrypted_xls.py IN OUT."""
import subprocess, time, uno, sys, os
from com.sun.star.beans import PropertyValue, NamedValue
src, dst = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
proc = subprocess.Popen(['soffice', '--headless', '--invisible', '--norestore', '--accept=socket,host=127.0.0.1,port=2083;urp;'])
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    for _ in range(60):
        try:
            ctx = resolver.resolve('uno:socket,host=127.0.0.1,port=2083;urp;StarOffice.ComponentContext'); break
        except Exception:
            time.sleep(0.5)
    desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
    hidden = PropertyValue(); hidden.Name = 'Hidden'; hidden.Value = True
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), '_blank', 0, (hidden,))
    pw = NamedValue(); pw.Name = 'OOXPassword'; pw.Value = 'secret'
    f = PropertyValue(); f.Name = 'FilterName'; f.Value = 'MS Excel 97'
    e = PropertyValue(); e.Name = 'Password'; e.Value = 'secret'
    uno.invoke(doc, 'storeToURL', (uno.systemPathToFileUrl(dst), uno.Any('[]com.sun.star.beans.PropertyValue', (f, e))))
    doc.close(True)
finally:
    proc.terminate(); proc.wait(timeout=30)
