import CNcursesw
import GuideUI
